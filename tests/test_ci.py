"""CI means what it says: the deploy publishes only a commit whose tests passed, and CI runs `make test`."""

from __future__ import annotations

import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def deploy_problems(deploy: dict) -> list[str]:
    problems = []
    if set(deploy["on"]) != {"workflow_run"} or deploy["on"]["workflow_run"].get("workflows") != ["CI"]:
        problems.append(f"deploy starts on {sorted(deploy['on'])}, not only when the CI workflow completes")
    build = deploy["jobs"]["build"]
    if "conclusion == 'success'" not in build.get("if", ""):
        problems.append("deploy does not check that CI succeeded")
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout"))
    if "workflow_run.head_sha" not in str(checkout.get("with", {}).get("ref")):
        problems.append("deploy does not check out the commit CI tested")
    return problems


def test_deploy_publishes_only_a_commit_whose_tests_passed():
    assert deploy_problems(workflow("deploy.yml")) == []


def test_deploy_checker_catches_a_deploy_on_every_push():
    broken = {"on": {"push": {"branches": ["main"]}},
              "jobs": {"build": {"steps": [{"uses": "actions/checkout@v4"}, {"run": "make build"}]}}}
    assert len(deploy_problems(broken)) == 3


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert any(step.get("run") == "make test" for step in workflow("ci.yml")["jobs"]["test"]["steps"])
