"""The guide's languages: the words the build writes into pages, and the data's text in each language.

One content tree per language (docs/ in English, docs-es/ in Spanish), built separately with the
same configuration (mkdocs-es.yml inherits mkdocs.yml). The data files stay single-source: an
entry's Spanish text sits beside its English under `es:`, e.g. a warning sign

    stroke:
      level: emergency
      text: you suddenly get weakness ...
      es:
        text: de repente notas debilidad ...

`localised(entry, "es")` is the entry with its Spanish fields in place of the English ones.
Template words (footer, review dates, share button) are `extra.words` in mkdocs.yml and mkdocs-es.yml.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DEFAULT = "en"
# language -> (docs folder, the folder its site is built into under site/, hreflang); the rest of each
# edition's settings (site address, locale, template words) are in mkdocs.yml and mkdocs-es.yml
TREES = {"en": ("docs", "", "en"), "es": ("docs-es", "es/", "es")}
TRANSLATED = tuple(folder for lang, (folder, *_) in TREES.items() if lang != DEFAULT)  # ("docs-es",)
SUBDIRS = tuple(sub for _, sub, _ in TREES.values() if sub)  # ("es/",): each edition inside site/ has its own worker, PDFs

WORDS = {
    "en": {
        # care cards: level -> (heading, what to do next, the prefix screen readers hear)
        "levels": {
            "gp": ("See a GP if:", "This is not urgent, but book an appointment with your GP or family doctor.",
                   "Non-urgent advice: "),
            "same-day": ("Get medical help today if:",
                         "Ask your GP surgery for an urgent appointment today. If you cannot get one, call 111 "
                         "in the UK, or use your local urgent care or out-of-hours service.", "Urgent advice: "),
            "emergency": ("Call your emergency number now if:",
                          "Call 999 (UK), 112 (Europe), 911 (US and Canada) or 000 (Australia), "
                          "or go to an emergency department (A&E).", "Emergency advice: "),
        },
        "level_labels": {"gp": "See a GP", "same-day": "Same day", "emergency": "Emergency"},
        "stop": "Stop taking",
        "evidence": {"good": "Good evidence", "some": "Some evidence", "little": "Little or no evidence",
                     "against": "Evidence against"},
        "chart_caption": "How strong the evidence is for each measure, from good evidence at the top to evidence "
                         "against at the bottom. The table below gives the same ratings in words, with links.",
        "sources": "Sources",
        "sources_id": "sources",
        "source_n": "Source {n}",
        "secondary": "Checked in secondary copies only; the editors have not yet seen the original.",
        "no_link": "No free link to the original yet.",
        "undated": "Undated web page",
        "food": ("Food", "Serving"),
        "food_columns": {"potassium_mg": "Potassium (mg)", "calcium_mg": "Calcium (mg)",
                         "magnesium_mg": "Magnesium (mg)", "vitamin_d_ug": "Vitamin D (µg)",
                         "vitamin_d_iu": "Vitamin D (IU)", "water_g": "Water (g)"},
        "reference_columns": ("Nutrient", "Men", "Women", "Upper limit"),
        "food_source": "Source",
        "hazard": ("Cause", "What could happen", "What the site does",
                   "| Level | Warning sign that guards against it | Pages |", "Tests that check it"),
        "also_known_as": "Also known as",
        "months": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December"),
        "date": "{day} {month} {year}",
        "pdf": {"whole_guide": "the whole guide", "cover": "Cover", "contents": "Contents",
                "subtitle": "Muscle spasms and cramps in fibromyalgia: plain-language, evidence-rated information.",
                "edition": "Edition of {date}", "web_address": "Web address:",
                "not_advice": "Information, not medical advice. Check the website for the latest version.",
                "footer": "Information, not medical advice", "page_of": ("Page", "of")},
        "short_name": "Spasm Relief",  # the web app's name under its icon: a home screen shows about 12 characters
        # the offline worker's notice on a saved page (scripts/offline_worker.js)
        "saved_copy": {"locale": "en-GB", "saved": "Saved copy", "from": "from",
                       "offline": "You are offline or the connection is slow, so this is the copy saved on this device.",
                       "missing": "You are offline, and this address is not in the copy saved on this device.",
                       "due": "This page was due for review on",
                       "outOfDate": "It may be out of date. Check it again when you are online."},
    },
    "es": {
        # Emergency numbers checked on 2026-12-03: 112 in every EU country (European Commission,
        # digital-strategy.ec.europa.eu, "112 Day"); 911 in Mexico (gob.mx, Policía Federal, "088 y 911");
        # 911 in the US and Canada as in the English card. Other countries' numbers (e.g. Chile 131)
        # were found only in news pages, so the card names no more and says "your country's number".
        "levels": {
            "gp": ("Pide cita con tu médico si:",
                   "No es urgente, pero pide cita con tu médico de familia (o de cabecera).", "Consejo no urgente: "),
            "same-day": ("Busca ayuda médica hoy si:",
                         "Pide hoy una cita urgente con tu médico o en tu centro de salud. Si no la consigues, "
                         "ve al servicio de urgencias de tu zona.", "Consejo urgente: "),
            "emergency": ("Llama ahora al número de emergencias si:",
                          "Llama al número de emergencias: el 112 en España y la Unión Europea, el 911 en Estados "
                          "Unidos, Canadá y México. En otro país, llama al de ese país o ve a urgencias de un hospital.",
                          "Emergencia: "),
        },
        "level_labels": {"gp": "Cita con tu médico", "same-day": "Hoy mismo", "emergency": "Emergencia"},
        "stop": "Deja de tomar",
        "evidence": {"good": "Buena evidencia", "some": "Algo de evidencia", "little": "Poca o ninguna evidencia",
                     "against": "Evidencia en contra"},
        "chart_caption": "La fuerza de la evidencia de cada medida, de la buena evidencia arriba a la evidencia "
                         "en contra abajo. La tabla de debajo da las mismas valoraciones en palabras, con enlaces.",
        "sources": "Fuentes",
        "sources_id": "fuentes",
        "source_n": "Fuente {n}",
        "secondary": "Comprobada solo en copias secundarias; el equipo editorial aún no ha visto el original.",
        "no_link": "Aún no hay un enlace gratuito al original.",
        "undated": "Página web sin fecha",
        "food": ("Alimento", "Ración"),
        "food_columns": {"potassium_mg": "Potasio (mg)", "calcium_mg": "Calcio (mg)",
                         "magnesium_mg": "Magnesio (mg)", "vitamin_d_ug": "Vitamina D (µg)",
                         "vitamin_d_iu": "Vitamina D (UI)", "water_g": "Agua (g)"},
        "reference_columns": ("Nutriente", "Hombres", "Mujeres", "Límite máximo"),
        "food_source": "Fuente",
        "hazard": ("Causa", "Qué podría pasar", "Qué hace la web",
                   "| Nivel | Señal de alarma que protege contra ello | Páginas |", "Pruebas que lo comprueban"),
        "also_known_as": "También llamado",
        "months": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                   "octubre", "noviembre", "diciembre"),
        "date": "{day} de {month} de {year}",
        "pdf": {"whole_guide": "la guía completa", "cover": "Portada", "contents": "Índice",
                "subtitle": "Espasmos y calambres musculares en la fibromialgia: información clara y con el nivel de evidencia.",
                "edition": "Edición del {date}", "web_address": "Dirección web:",
                "not_advice": "Información, no consejo médico. Consulta la web para ver la versión más reciente.",
                "footer": "Información, no consejo médico", "page_of": ("Página", "de")},
        "short_name": "Espasmos",
        "saved_copy": {"locale": "es-ES", "saved": "Copia guardada", "from": "del",
                       "offline": "No tienes conexión o es muy lenta, así que ves la copia guardada en este dispositivo.",
                       "missing": "No tienes conexión, y esta dirección no está en la copia guardada en este dispositivo.",
                       "due": "Esta página debía revisarse el",
                       "outOfDate": "Puede estar desactualizada. Vuelve a consultarla cuando tengas conexión."},
    },
}


# Drawings are shared: the links and names inside them are written in English and put into each
# language here (sitebuild/pictures.py; a drawing on a translated page with a name missing here is an error).
PICTURES = {
    "es": {
        "anchors": {"what-to-do-now": "que-hacer-ahora", "how-to-try-it": "como-probarlo",
                    "self-massage": "automasaje", "calf-stretch": "estiramiento-pantorrilla",
                    "hamstring-stretch": "estiramiento-isquiotibiales"},
        "labels": {
            "Front of the thigh: gentle self-massage": "Parte delantera del muslo: automasaje suave",
            "Feet: what to do during a spasm": "Pies: qué hacer durante un espasmo",
            "Neck and tops of the shoulders: gentle self-massage": "Cuello y parte alta de los hombros: automasaje suave",
            "Back of the shoulder blade: heat and cold": "Zona del omóplato: calor y frío",
            "Back of the forearm: what to do during a spasm": "Parte de atrás del antebrazo: qué hacer durante un espasmo",
            "Low back: heat and cold": "Zona lumbar: calor y frío",
            "Side of the buttock and hip: what to do during a spasm": "Lado de la nalga y la cadera: qué hacer durante un espasmo",
            "Back of the thigh: sitting thigh stretch": "Parte de atrás del muslo: estiramiento sentado",
            "Calf: standing calf stretch": "Pantorrilla: estiramiento de pie",
        },
    },
}


def words(language: str) -> dict:
    return WORDS.get(language, WORDS[DEFAULT])


def localised(entry: dict, language: str) -> dict:
    """The entry with its text in `language` (its `es:` fields over the English ones)."""
    if language == DEFAULT or not isinstance(entry, dict) or not isinstance(entry.get(language), dict):
        return entry
    return {**entry, **entry[language]}


@cache
def of_docs(docs_dir) -> str:
    """The language of a content tree, from its folder name (docs-es -> es); English otherwise."""
    name = Path(docs_dir).resolve().name
    return next((lang for lang, (folder, *_) in TREES.items() if folder == name), DEFAULT)


def data_file(name: str, language_: str) -> str:
    """A data file that differs by language: 'search-terms.yml' -> 'search-terms-es.yml'."""
    return name if language_ == DEFAULT else name.replace(".yml", f"-{language_}.yml")


def long_date(iso: str, language: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    w = words(language)
    return w["date"].format(day=day, month=w["months"][month - 1], year=year)
