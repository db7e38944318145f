"""Search finds the right page for the words readers actually type.

Each query is typed into Material's search box in headless Chromium, against the built site/
served on 127.0.0.1 and against the offline bundle under file://; the expected page must be
among the first three results. Each edition has its own lists (English QUERIES, Spanish QUERIES_ES,
chosen by the `edition` fixture). Lay words, synonyms and other spellings live in
docs/data/search-terms.yml and search-terms-es.yml; the matching (common words, stems and accents in
the index's language, typos, word weights) is sitebuild/search_query.js, appended to Material's
search worker by sitebuild/postbuild.py.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import material
import playwright.sync_api as playwright_api
import pytest
from conftest import build_fixture
from sitebuild import postbuild

TOP = 3

# (what a reader types, the page it should find)
QUERIES = [
    ("cramp right now", "relief/during-a-spasm/"),
    ("seizing up", "relief/during-a-spasm/"),
    ("what is a spasm", "understanding/spasms-and-cramps/"),
    ("charley horse", "understanding/spasms-and-cramps/"),
    ("crampp", "understanding/spasms-and-cramps/"),
    ("muscle twitching", "understanding/spasms-and-cramps/"),
    ("tight muscles", "understanding/spasms-and-cramps/"),
    ("restless legs", "understanding/spasms-and-cramps/"),
    ("knot in my shoulder", "causes/trigger-points/"),
    ("fibromyalga", "understanding/fibromyalgia-pain/"),
    ("pins and needles", "understanding/fibromyalgia-pain/"),
    ("tingling", "understanding/fibromyalgia-pain/"),
    ("burning pain", "understanding/fibromyalgia-pain/"),
    ("paresthesia", "understanding/fibromyalgia-pain/"),
    ("paraesthesia", "understanding/fibromyalgia-pain/"),
    ("tender to touch", "understanding/fibromyalgia-pain/"),
    ("allodynia", "understanding/fibromyalgia-pain/"),
    ("numb feet", "causes/nerves/"),
    ("small fiber neuropathy", "causes/nerves/"),
    ("central sensitization", "causes/pain-processing/"),
    ("neck and shoulders", "understanding/where-it-hurts/"),
    ("lower back", "understanding/where-it-hurts/"),
    ("sore feet", "understanding/where-it-hurts/"),
    ("calf cramp at night", "relief/stretching/"),
    ("leg cramps at night", ("relief/stretching/", "living/sleep/")),  # the sleep page has a night-cramps section
    ("poor circulation", "causes/blood-flow/"),
    ("hemodynamic", "causes/blood-flow/"),
    ("hot water bottle", "relief/heat-and-cold/"),
    ("heating pad", "relief/heat-and-cold/"),
    ("ice pack", "relief/heat-and-cold/"),
    ("epsom salt bath", "relief/warm-water-and-epsom-salts/"),
    ("bath salts", "relief/warm-water-and-epsom-salts/"),
    ("magnesium", "relief/magnesium/"),
    ("magnesuim", "relief/magnesium/"),
    ("magnesium dose", "relief/magnesium/"),
    ("malic acid", "relief/magnesium/"),
    ("potassium", "relief/potassium/"),
    ("bananas", "relief/potassium/"),
    ("hypocalcemia", "relief/calcium/"),
    ("vitamin d", "relief/vitamin-d/"),
    ("sunshine", "relief/vitamin-d/"),
    ("dehydrated", "relief/water/"),
    ("drink more water", "relief/water/"),
    ("statins", "get-help/"),
    ("when to see a doctor", "get-help/"),
    ("skin color change", "get-help/"),
    ("emergency", "get-help/"),
    ("can't sleep", "living/sleep/"),
    ("quinine", "relief/medicines/"),
    ("muscle relaxant", "relief/medicines/"),
    ("deep heat cream", "relief/creams/"),
    ("foam roller", "relief/massage/"),
    ("foods high in magnesium", "relief/food-tables/"),
    ("spasm diary", "tools/spasm-diary/"),
    ("fibrositis", "causes/old-names/"),
    # Content III pages (2026-12-02)
    ("CBT for fibromyalgia", "relief/talking-therapies/"),
    ("pain management programme", "relief/talking-therapies/"),
    ("is my pain all in my head", "relief/talking-therapies/"),
    ("could it be something other than fibromyalgia", "get-help/something-else/"),
    ("calf pain when walking", "get-help/something-else/"),
    ("myositis", "get-help/something-else/"),
    ("medicines that cause cramps", "get-help/medicines-that-cause-cramps/"),
    ("can statins cause cramps", ("get-help/medicines-that-cause-cramps/", "get-help/")),
    ("restless legs", "understanding/restless-legs/"),
    ("ferritin", "understanding/restless-legs/"),
    ("sleep apnoea", "living/sleep/"),
    ("insomnia", "living/sleep/"),
    ("leg cramps when pregnant", "living/pregnancy/"),
    ("breastfeeding", "living/pregnancy/"),
    ("fibro fog", "living/flares-fog-and-feelings/"),
    ("flare up", "living/flares-fog-and-feelings/"),
    ("suicidal thoughts", ("living/flares-fog-and-feelings/", "get-help/")),
    ("support group", "living/support/"),
    ("fibromyalgia charity", "living/support/"),
]

# Written while fixing the matching, as a check that it was not tuned to QUERIES: everyday
# phrasing, questions, typos and words the synonym list does not hold. A query may name more
# than one page where each answers it. Misses are printed; the top-3 rate must stay at FLOOR.
BROAD_QUERIES = [
    ("how do i stop a cramp", "relief/during-a-spasm/"),
    ("my calf is cramping", ("relief/during-a-spasm/", "relief/stretching/")),
    ("muscle spasms", "understanding/spasms-and-cramps/"),
    ("what causes muscle cramps", ("causes/", "understanding/spasms-and-cramps/")),
    ("why do my muscles spasm", ("causes/", "understanding/spasms-and-cramps/")),
    ("cramps in my feet", "understanding/where-it-hurts/"),
    ("neck pain", "understanding/where-it-hurts/"),
    ("shoulder knots", "causes/trigger-points/"),
    ("trigger points", "causes/trigger-points/"),
    ("tingly hands", "understanding/fibromyalgia-pain/"),
    ("numbness and tingling", "understanding/fibromyalgia-pain/"),
    ("skin sensitive to touch", "understanding/fibromyalgia-pain/"),
    ("fibromyalgia", "understanding/fibromyalgia-pain/"),
    ("fibromialgia pain", "understanding/fibromyalgia-pain/"),
    ("nerve damage", "causes/nerves/"),
    ("neuropathy", ("causes/nerves/", "get-help/something-else/")),
    ("cold hands and feet", "causes/blood-flow/"),
    ("mitochondria", "causes/muscle-energy/"),
    ("tired muscles", "causes/muscle-energy/"),
    ("am i deficient in magnesium", ("causes/nutrients/", "relief/magnesium/")),
    ("vitamin deficiency", "causes/nutrients/"),
    ("heat or ice", "relief/heat-and-cold/"),
    ("heat pack", "relief/heat-and-cold/"),
    ("cold therapy", "relief/heat-and-cold/"),
    ("epsom salts", "relief/warm-water-and-epsom-salts/"),
    ("espom salt", "relief/warm-water-and-epsom-salts/"),
    ("warm bath", "relief/warm-water-and-epsom-salts/"),
    ("stretches for leg cramps", "relief/stretching/"),
    ("calf stretch", "relief/stretching/"),
    ("yoga", "relief/stretching/"),
    ("exercise", "relief/exercise/"),
    ("walking", "relief/exercise/"),
    ("tai chi", "relief/exercise/"),
    ("massage", "relief/massage/"),
    ("massage gun", "relief/massage/"),
    ("voltarol", "relief/creams/"),
    ("capsaicin cream", "relief/creams/"),
    ("acupuncture", "relief/acupuncture/"),
    ("sleep", "living/sleep/"),
    ("pacing", "relief/rest-sleep-pacing/"),
    ("fatigue", ("relief/rest-sleep-pacing/", "causes/muscle-energy/", "living/flares-fog-and-feelings/")),
    ("how much magnesium should i take", "relief/magnesium/"),
    ("magnesium glycinate", "relief/magnesium/"),
    ("magnesium supplements", "relief/magnesium/"),
    ("magnesum", "relief/magnesium/"),
    ("does magnesium help cramps", "relief/magnesium/"),
    ("potassium foods", "relief/food-tables/"),
    ("low potassium", "relief/potassium/"),
    ("calcium", "relief/calcium/"),
    ("calcium supplements", "relief/calcium/"),
    ("vitamin d dose", "relief/vitamin-d/"),
    ("vitamin d deficiency", ("causes/nutrients/", "relief/vitamin-d/")),
    ("how much water should i drink", "relief/water/"),
    ("dehydration", "relief/water/"),
    ("tonic water", "relief/medicines/"),
    ("baclofen", "relief/medicines/"),
    ("amitriptyline", "relief/medicines/"),
    ("painkillers", "relief/medicines/"),
    ("which foods have magnesium", "relief/food-tables/"),
    ("what should i eat", "relief/food-tables/"),
    ("other peoples tips", "relief/lived-experience/"),
    ("home remedies", "relief/"),
    ("red flags", "get-help/"),
    ("swollen calf", "get-help/"),
    ("blood clot", "get-help/"),
    ("dark urine", "get-help/"),
    ("statin muscle pain", "get-help/"),
    ("call 999", "get-help/"),
    ("urgent", "get-help/"),
    ("symptom diary", "tools/spasm-diary/"),
    ("track my cramps", "tools/spasm-diary/"),
    ("questions to ask my doctor", "tools/questions-for-your-doctor/"),
    ("gp appointment", "tools/appointment-summary/"),
    ("muscular rheumatism", "causes/old-names/"),
    ("central sensitisation", "causes/pain-processing/"),
    ("download pdf", "about/download/"),
    ("offline", "about/download/"),
    ("privacy", "about/privacy/"),
    ("report a mistake", "about/report-a-mistake/"),
    ("twitching eyelid", "understanding/spasms-and-cramps/"),
    ("charlie horse", "understanding/spasms-and-cramps/"),
    ("cramp", "understanding/spasms-and-cramps/"),
    ("spasm", "understanding/spasms-and-cramps/"),
    ("spams", "understanding/spasms-and-cramps/"),
    ("crampig", "understanding/spasms-and-cramps/"),
    ("stretchs", "relief/stretching/"),
    ("hot water botle", "relief/heat-and-cold/"),
    ("acupunture", "relief/acupuncture/"),
    ("dehidrated", "relief/water/"),
    ("potasium", "relief/potassium/"),
    ("vitamine d", "relief/vitamin-d/"),
    ("sudden muscle cramp", ("relief/during-a-spasm/", "understanding/spasms-and-cramps/")),
    ("cramp wont go away", ("get-help/", "relief/during-a-spasm/")),
    ("foot cramp", "understanding/where-it-hurts/"),
    ("toes curling cramp", "understanding/where-it-hurts/"),
    ("jaw pain", "understanding/where-it-hurts/"),
    ("muscle knots", "causes/trigger-points/"),
    ("myofascial pain", "causes/trigger-points/"),
    ("burning skin", "understanding/fibromyalgia-pain/"),
    ("hypersensitive to pain", "causes/pain-processing/"),
    ("nervous system", "causes/pain-processing/"),
    ("small fibre", "causes/nerves/"),
    ("poor blood flow", "causes/blood-flow/"),
    ("low energy muscles", "causes/muscle-energy/"),
    ("blood tests", ("causes/nutrients/", "get-help/something-else/")),
    ("heating pads", "relief/heat-and-cold/"),
    ("frozen peas", "relief/heat-and-cold/"),
    ("magnesium bath", "relief/warm-water-and-epsom-salts/"),
    ("soaking in the bath", "relief/warm-water-and-epsom-salts/"),
    ("stretching exercises", "relief/stretching/"),
    ("gentle exercise", "relief/exercise/"),
    ("physiotherapy", "relief/exercise/"),
    ("self massage", "relief/massage/"),
    ("tennis ball", "relief/massage/"),
    ("ibuprofen gel", "relief/creams/"),
    ("menthol", "relief/creams/"),
    ("dry needling", "relief/acupuncture/"),
    ("tired all the time", ("relief/rest-sleep-pacing/", "living/flares-fog-and-feelings/", "living/sleep/")),
    ("boom and bust", "relief/rest-sleep-pacing/"),
    ("magnesium oxide", "relief/magnesium/"),
    ("magnesium side effects", "relief/magnesium/"),
    ("banana for cramps", "relief/potassium/"),
    ("calcium tablets", "relief/calcium/"),
    ("vitamin d tablets", "relief/vitamin-d/"),
    ("electrolytes", "relief/potassium/"),
    ("drinking water", "relief/water/"),
    ("pregabalin", "relief/medicines/"),
    ("quinine side effects", "relief/medicines/"),
    ("magnesium rich foods", "relief/food-tables/"),
    ("what works", "relief/"),
    ("deep vein thrombosis", "get-help/"),
    ("leg swollen and red", "get-help/"),
    ("cant pee", "get-help/"),
    ("lockjaw", "get-help/"),
    ("stroke", "get-help/"),
    ("stiff neck and fever", "get-help/"),
    ("serotonin syndrome", "get-help/"),
    ("hazard log", "about/clinical-safety/"),
    ("printable diary", "tools/spasm-diary/"),
    ("what to ask gp", "tools/questions-for-your-doctor/"),
    ("fibrositis", "causes/old-names/"),
    ("musle spasm", "understanding/spasms-and-cramps/"),
    ("strech", "relief/stretching/"),
    ("massge", "relief/massage/"),
    ("epsum salts", "relief/warm-water-and-epsom-salts/"),
    # Content III pages, everyday phrasing (2026-12-02)
    ("therapy for chronic pain", "relief/talking-therapies/"),
    ("mindfulness", "relief/talking-therapies/"),
    ("underactive thyroid", "get-help/something-else/"),
    ("what blood tests should i have", "get-help/something-else/"),
    ("sciatica", "get-help/something-else/"),
    ("side effects cramps", "get-help/medicines-that-cause-cramps/"),
    ("my legs wont keep still at night", "understanding/restless-legs/"),
    ("snoring", "living/sleep/"),
    ("sleeping tablets", "living/sleep/"),
    ("pregnant", "living/pregnancy/"),
    ("cramps in pregnancy", "living/pregnancy/"),
    ("brain fog", "living/flares-fog-and-feelings/"),
    ("feeling depressed", "living/flares-fog-and-feelings/"),
    ("samaritans", "living/flares-fog-and-feelings/"),
    ("help in a crisis", ("living/flares-fog-and-feelings/", "get-help/")),
    ("can i trust this website", "living/support/"),
    ("living with fibromyalgia", "living/"),
]

# The Spanish edition (site/es/): the same floors. Expected pages are Spanish paths. Words from Spain
# and from Latin America, typed with and without accents ("músculo" and "musculo" find the same page).
QUERIES_ES = [
    ("calambre ahora mismo", "alivio/durante-un-espasmo/"),
    ("se me sube el gemelo", "alivio/durante-un-espasmo/"),  # Spain
    ("agarrotado", "alivio/durante-un-espasmo/"),
    ("se me acalambró la pierna", ("alivio/durante-un-espasmo/", "entender/espasmos-y-calambres/")),  # Latin America
    ("qué es un espasmo", "entender/espasmos-y-calambres/"),
    ("que es un espasmo", "entender/espasmos-y-calambres/"),
    ("calambre en el músculo", "entender/espasmos-y-calambres/"),
    ("calambre en el musculo", "entender/espasmos-y-calambres/"),
    ("contracción muscular", "entender/espasmos-y-calambres/"),
    ("contraccion muscular", "entender/espasmos-y-calambres/"),
    ("rampa", "entender/espasmos-y-calambres/"),  # Spain
    ("me dio un tirón", ("entender/espasmos-y-calambres/", "alivio/durante-un-espasmo/")),
    ("calambrre", "entender/espasmos-y-calambres/"),
    ("temblor muscular", "entender/espasmos-y-calambres/"),
    ("contractura", ("entender/espasmos-y-calambres/", "causas/puntos-gatillo/")),
    ("nudo en el músculo", "causas/puntos-gatillo/"),
    ("fibromialgia", "entender/dolor-en-la-fibromialgia/"),
    ("fibromialgía", "entender/dolor-en-la-fibromialgia/"),
    ("fibromialga", "entender/dolor-en-la-fibromialgia/"),
    ("hormigueo", "entender/dolor-en-la-fibromialgia/"),
    ("ardor en la piel", "entender/dolor-en-la-fibromialgia/"),
    ("parestesia", "entender/dolor-en-la-fibromialgia/"),
    ("alodinia", ("entender/dolor-en-la-fibromialgia/", "causas/procesamiento-del-dolor/")),
    ("dolor al tacto", "entender/dolor-en-la-fibromialgia/"),
    ("pies entumecidos", "causas/nervios/"),
    ("neuropatía de fibra fina", "causas/nervios/"),
    ("sensibilización central", "causas/procesamiento-del-dolor/"),
    ("sensibilizacion central", "causas/procesamiento-del-dolor/"),
    ("cuello y hombros", "entender/donde-duele/"),
    ("dolor de lumbares", "entender/donde-duele/"),
    ("calambres nocturnos", ("alivio/estiramientos/", "vivir/sueno/")),  # the sleep page has a night-cramps section
    ("calambre en la pantorrilla por la noche", "alivio/estiramientos/"),
    ("mala circulación", ("causas/riego-sanguineo/", "pedir-ayuda/otra-causa/")),
    ("bolsa de agua caliente", "alivio/calor-y-frio/"),
    ("almohadilla térmica", "alivio/calor-y-frio/"),
    ("bolsa de hielo", "alivio/calor-y-frio/"),
    ("sales de Epsom", "alivio/agua-caliente-y-sales-de-epsom/"),
    ("sal de higuera", "alivio/agua-caliente-y-sales-de-epsom/"),  # Spain
    ("magnesio", "alivio/magnesio/"),
    ("magnecio", "alivio/magnesio/"),
    ("dosis de magnesio", "alivio/magnesio/"),
    ("cloruro de magnesio", "alivio/magnesio/"),
    ("ácido málico", "alivio/magnesio/"),
    ("acido malico", "alivio/magnesio/"),
    ("potasio", "alivio/potasio/"),
    ("plátanos", "alivio/potasio/"),
    ("hipocalcemia", "alivio/calcio/"),
    ("vitamina D", "alivio/vitamina-d/"),
    ("vitamina d", "alivio/vitamina-d/"),
    ("tomar el sol", "alivio/vitamina-d/"),
    ("deshidratación", "alivio/agua/"),
    ("deshidratacion", "alivio/agua/"),
    ("beber más agua", "alivio/agua/"),
    ("estatinas", "pedir-ayuda/"),
    ("cuándo ir al médico", "pedir-ayuda/"),
    ("cuando ir al medico", "pedir-ayuda/"),
    ("urgencias", "pedir-ayuda/"),
    ("no puedo dormir", "vivir/sueno/"),
    ("quinina", "alivio/medicamentos/"),
    ("relajante muscular", "alivio/medicamentos/"),
    ("crema de mentol", "alivio/cremas/"),
    ("rodillo de espuma", "alivio/masaje/"),
    ("alimentos ricos en magnesio", "alivio/tablas-de-alimentos/"),
    ("diario de espasmos", "herramientas/diario-de-espasmos/"),
    ("fibrositis", "causas/nombres-antiguos/"),
    ("TCC para la fibromialgia", "alivio/terapias-psicologicas/"),
    ("programa de manejo del dolor", "alivio/terapias-psicologicas/"),
    ("¿es mi dolor psicológico?", "alivio/terapias-psicologicas/"),
    ("dolor de pantorrilla al caminar", "pedir-ayuda/otra-causa/"),
    ("miositis", "pedir-ayuda/otra-causa/"),
    ("medicamentos que causan calambres", "pedir-ayuda/medicamentos-que-causan-calambres/"),
    ("piernas inquietas", "entender/piernas-inquietas/"),
    ("ferritina", "entender/piernas-inquietas/"),
    ("apnea del sueño", "vivir/sueno/"),
    ("insomnio", "vivir/sueno/"),
    ("calambres en el embarazo", "vivir/embarazo/"),
    ("lactancia", "vivir/embarazo/"),
    ("niebla mental", "vivir/brotes-niebla-y-emociones/"),
    ("brote de fibromialgia", "vivir/brotes-niebla-y-emociones/"),
    ("pensamientos suicidas", ("vivir/brotes-niebla-y-emociones/", "pedir-ayuda/")),
    ("grupo de apoyo", "vivir/apoyo/"),
    ("asociación de fibromialgia", "vivir/apoyo/"),
]

# Everyday Spanish phrasing, questions, misspellings (b/v, s/c/z, missing accents) and regional words,
# written before the Spanish search words were checked against them. Misses are printed; FLOOR applies.
BROAD_QUERIES_ES = [
    ("cómo quito un calambre", "alivio/durante-un-espasmo/"),
    ("como quitar un calambre rapido", "alivio/durante-un-espasmo/"),
    ("me da un calambre en la pierna", ("alivio/durante-un-espasmo/", "entender/espasmos-y-calambres/")),
    ("tengo el gemelo agarrotado", ("alivio/durante-un-espasmo/", "entender/espasmos-y-calambres/")),
    ("calambre repentino", ("alivio/durante-un-espasmo/", "entender/espasmos-y-calambres/")),
    ("calambre que no se quita", ("pedir-ayuda/", "alivio/durante-un-espasmo/")),
    ("espasmos musculares", "entender/espasmos-y-calambres/"),
    ("calambre", "entender/espasmos-y-calambres/"),
    ("espasmo", "entender/espasmos-y-calambres/"),
    ("espamos", "entender/espasmos-y-calambres/"),
    ("me tiembla el parpado", "entender/espasmos-y-calambres/"),
    ("por qué me dan calambres", ("causas/", "entender/espasmos-y-calambres/")),
    ("qué provoca los calambres", ("causas/", "entender/espasmos-y-calambres/")),
    ("calambres en los pies", "entender/donde-duele/"),
    ("calambre en el pie", ("entender/donde-duele/", "alivio/durante-un-espasmo/")),  # the map sends feet there
    ("dolor de cuello", "entender/donde-duele/"),
    ("dolor de gemelos", "entender/donde-duele/"),
    ("me duelen las cervicales", "entender/donde-duele/"),  # Spain
    ("calambre en el chamorro", ("entender/donde-duele/", "alivio/durante-un-espasmo/", "alivio/estiramientos/")),  # Mexico
    ("nudos en la espalda", "causas/puntos-gatillo/"),
    ("puntos gatillo", "causas/puntos-gatillo/"),
    ("dolor miofascial", "causas/puntos-gatillo/"),
    ("tengo contracturas en la espalda", ("causas/puntos-gatillo/", "entender/espasmos-y-calambres/", "entender/donde-duele/")),
    ("hormigueo en las manos", "entender/dolor-en-la-fibromialgia/"),
    ("entumecimiento y hormigueo", "entender/dolor-en-la-fibromialgia/"),
    ("piel sensible al tacto", "entender/dolor-en-la-fibromialgia/"),
    ("dolor de fibromialgia", "entender/dolor-en-la-fibromialgia/"),
    ("sintomas de la fibromialgia", ("entender/dolor-en-la-fibromialgia/", "")),
    ("daño en los nervios", ("causas/nervios/", "pedir-ayuda/otra-causa/")),
    ("neuropatia", ("causas/nervios/", "pedir-ayuda/otra-causa/")),
    ("hormigueo en los pies", ("causas/nervios/", "entender/dolor-en-la-fibromialgia/")),
    ("fibras nerviosas", "causas/nervios/"),
    ("hipersensibilidad al dolor", "causas/procesamiento-del-dolor/"),
    ("sistema nervioso", "causas/procesamiento-del-dolor/"),
    ("manos y pies frios", "causas/riego-sanguineo/"),
    ("mal riego sanguineo", "causas/riego-sanguineo/"),
    ("mitocondrias", "causas/energia-muscular/"),
    ("musculos cansados", "causas/energia-muscular/"),
    ("me falta magnesio", ("causas/nutrientes/", "alivio/magnesio/")),
    ("deficit de vitaminas", "causas/nutrientes/"),
    ("analisis de sangre", ("causas/nutrientes/", "pedir-ayuda/otra-causa/")),
    ("analitica", ("pedir-ayuda/otra-causa/", "causas/nutrientes/")),  # Spain
    ("reumatismo muscular", "causas/nombres-antiguos/"),
    ("calor o hielo", "alivio/calor-y-frio/"),
    ("saco de semillas", "alivio/calor-y-frio/"),
    ("frio para el dolor", "alivio/calor-y-frio/"),
    ("almohadillas electricas", "alivio/calor-y-frio/"),
    ("guisantes congelados", "alivio/calor-y-frio/"),
    ("bolsa de agua calinte", "alivio/calor-y-frio/"),
    ("sales de epsom", "alivio/agua-caliente-y-sales-de-epsom/"),
    ("sales de epson", "alivio/agua-caliente-y-sales-de-epsom/"),
    ("baño caliente", "alivio/agua-caliente-y-sales-de-epsom/"),
    ("baño con magnesio", "alivio/agua-caliente-y-sales-de-epsom/"),
    ("alberca climatizada", "alivio/agua-caliente-y-sales-de-epsom/"),  # Mexico
    ("estiramientos para calambres en las piernas", "alivio/estiramientos/"),
    ("calambres en las piernas por la noche", ("alivio/estiramientos/", "vivir/sueno/")),
    ("calambres por la noche", ("alivio/estiramientos/", "vivir/sueno/")),
    ("estirar el gemelo", "alivio/estiramientos/"),
    ("ejercicios de estiramiento", "alivio/estiramientos/"),
    ("estiramentos", "alivio/estiramientos/"),
    ("yoga", ("alivio/ejercicio/", "alivio/estiramientos/")),
    ("ejercicio", "alivio/ejercicio/"),
    ("ejercicio suave", "alivio/ejercicio/"),
    ("caminar", "alivio/ejercicio/"),
    ("taichi", "alivio/ejercicio/"),
    ("fisioterapia", "alivio/ejercicio/"),
    ("kinesiologo", "alivio/ejercicio/"),  # Argentina, Chile
    ("masaje", "alivio/masaje/"),
    ("automasaje", "alivio/masaje/"),
    ("pistola de masaje", "alivio/masaje/"),
    ("pelota de tenis", "alivio/masaje/"),
    ("masage", "alivio/masaje/"),
    ("voltaren", "alivio/cremas/"),
    ("crema de capsaicina", "alivio/cremas/"),
    ("gel de ibuprofeno", "alivio/cremas/"),
    ("acupuntura", "alivio/acupuntura/"),
    ("acupuntra", "alivio/acupuntura/"),
    ("punción seca", "alivio/acupuntura/"),
    ("dosificar la actividad", "alivio/descanso-sueno-y-ritmo/"),
    ("cansancio", ("alivio/descanso-sueno-y-ritmo/", "causas/energia-muscular/", "vivir/brotes-niebla-y-emociones/")),
    ("siempre cansada", ("alivio/descanso-sueno-y-ritmo/", "vivir/brotes-niebla-y-emociones/", "vivir/sueno/")),
    ("cuanto magnesio debo tomar", "alivio/magnesio/"),
    ("citrato de magnesio", "alivio/magnesio/"),
    ("oxido de magnesio", "alivio/magnesio/"),
    ("el magnesio sirve para los calambres", "alivio/magnesio/"),
    ("efectos secundarios del magnesio", "alivio/magnesio/"),
    ("magnesio marino", "alivio/magnesio/"),
    ("alimentos con potasio", "alivio/tablas-de-alimentos/"),
    ("potasio bajo", "alivio/potasio/"),
    ("potacio", "alivio/potasio/"),
    ("platano para los calambres", "alivio/potasio/"),
    ("papas y bananas", "alivio/potasio/"),
    ("electrolitos", ("alivio/potasio/", "alivio/agua/")),
    ("calcio", "alivio/calcio/"),
    ("pastillas de calcio", "alivio/calcio/"),
    ("dosis de vitamina d", "alivio/vitamina-d/"),
    ("vitamina d en pastillas", "alivio/vitamina-d/"),
    ("bitamina d", "alivio/vitamina-d/"),
    ("falta de vitamina d", ("causas/nutrientes/", "alivio/vitamina-d/")),
    ("cuanta agua hay que beber", "alivio/agua/"),
    ("deshidratado", "alivio/agua/"),
    ("deshidratasion", "alivio/agua/"),
    ("agua tonica", "alivio/medicamentos/"),
    ("ciclobenzaprina", "alivio/medicamentos/"),
    ("amitriptilina", "alivio/medicamentos/"),
    ("pregabalina", "alivio/medicamentos/"),
    ("calmantes", "alivio/medicamentos/"),
    ("efectos secundarios de la quinina", "alivio/medicamentos/"),
    ("qué alimentos tienen magnesio", "alivio/tablas-de-alimentos/"),
    ("qué debo comer", "alivio/tablas-de-alimentos/"),
    ("consejos de otros pacientes", "alivio/experiencias/"),
    ("remedios caseros", "alivio/"),
    ("qué funciona", "alivio/"),
    ("señales de alarma", "pedir-ayuda/"),
    ("pierna hinchada", "pedir-ayuda/"),
    ("coagulo de sangre", "pedir-ayuda/"),
    ("trombosis venosa profunda", "pedir-ayuda/"),
    ("orina oscura", "pedir-ayuda/"),
    ("estatinas dolor muscular", "pedir-ayuda/"),
    ("llamar al 112", "pedir-ayuda/"),
    ("tetanos", "pedir-ayuda/"),
    ("ictus", "pedir-ayuda/"),
    ("cuello rigido y fiebre", "pedir-ayuda/"),
    ("sindrome serotoninergico", ("pedir-ayuda/", "pedir-ayuda/medicamentos-que-causan-calambres/")),
    ("efectos secundarios calambres", "pedir-ayuda/medicamentos-que-causan-calambres/"),
    ("protector de estomago", "pedir-ayuda/medicamentos-que-causan-calambres/"),  # Spain: a PPI
    ("tiroides", "pedir-ayuda/otra-causa/"),
    ("que analisis de sangre me deben hacer", "pedir-ayuda/otra-causa/"),
    ("ciatica", "pedir-ayuda/otra-causa/"),
    ("no puedo tener las piernas quietas por la noche", "entender/piernas-inquietas/"),
    ("ronquidos", "vivir/sueno/"),
    ("pastillas para dormir", "vivir/sueno/"),
    ("dormir", "vivir/sueno/"),
    ("embarazada", "vivir/embarazo/"),
    ("calambres embarazo", "vivir/embarazo/"),
    ("me cuesta concentrarme", "vivir/brotes-niebla-y-emociones/"),
    ("depresion", "vivir/brotes-niebla-y-emociones/"),
    ("ansiedad", ("vivir/brotes-niebla-y-emociones/", "alivio/terapias-psicologicas/")),
    ("ayuda en una crisis", ("vivir/brotes-niebla-y-emociones/", "pedir-ayuda/")),
    ("terapia para el dolor cronico", "alivio/terapias-psicologicas/"),
    ("mindfulness", "alivio/terapias-psicologicas/"),
    ("puedo fiarme de esta web", "vivir/apoyo/"),
    ("vivir con fibromialgia", "vivir/"),
    ("diario de sintomas", "herramientas/diario-de-espasmos/"),
    ("apuntar mis calambres", "herramientas/diario-de-espasmos/"),
    ("diario para imprimir", "herramientas/diario-de-espasmos/"),
    ("preguntas para el medico", "herramientas/preguntas-para-tu-medico/"),
    ("cita con el medico", "herramientas/resumen-para-la-consulta/"),
    ("registro de riesgos", "acerca-de/seguridad-clinica/"),
    ("descargar pdf", "acerca-de/descargar/"),
    ("sin conexion", "acerca-de/descargar/"),
    ("privacidad", "acerca-de/privacidad/"),
    ("informar de un error", "acerca-de/informar-de-un-error/"),
]
FLOOR = 0.90
# each edition's lists: (strict, broad)
EDITION_QUERIES = {"en": (QUERIES, BROAD_QUERIES), "es": (QUERIES_ES, BROAD_QUERIES_ES)}

def searcher(page, home: str):
    """search(query) -> the result pages in order, as paths relative to `home` ("relief/magnesium/").

    Types into Material's search box on `home`, a served site or the offline bundle's file:// URL.
    """
    page.goto(home + ("index.html" if home.startswith("file:") else ""))
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    box.click()
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")

    def run(query: str) -> list[str]:
        box.fill("")
        box.press("End")
        playwright_api.expect(meta).to_have_text(placeholder)
        box.fill(query)
        box.press("End")
        playwright_api.expect(meta).not_to_have_text(placeholder)
        hrefs = page.eval_on_selector_all(
            "li.md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
        )
        found = []
        for href in hrefs:  # offline pages are "relief/magnesium.html", "get-help/index.html"
            path = re.sub(r"(index)?\.html$", "", href.split("#")[0].split("?")[0].removeprefix(home))
            path = path if path.endswith("/") or not path else path + "/"
            if path not in found:
                found.append(path)
        return found

    run.page = page
    return run


@pytest.fixture(scope="session")
def search(base_url, browser):
    """search(query) on the built site, served over HTTP."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.route(lambda url: not url.startswith(base_url), lambda route: route.abort())
    yield searcher(page, base_url)
    page.close()


@pytest.fixture(scope="module")
def offline_search(bundle, browser):
    """search(query) in the offline bundle, opened from file:// with no network."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(re.compile(r"^(?!file:|data:|about:|blob:).*"), lambda route: route.abort())
    yield searcher(context.new_page(), bundle.as_uri() + "/")
    context.close()


def test_offline_search_fails_without_the_iframe_worker_shim(bundle, browser, tmp_path):
    """Broken fixture for the offline search test: the same searcher, on a bundle without the shim."""
    broken = tmp_path / "bundle"
    shutil.copytree(bundle, broken)
    (broken / "assets" / "js" / "vendor" / "iframe-worker-shim.js").write_text("")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(re.compile(r"^(?!file:|data:|about:|blob:).*"), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        with pytest.raises(playwright_api.Error):  # the index never loads: no search, no results
            searcher(page, broken.as_uri() + "/")("magnesium")
    finally:
        context.close()


def rank(results: list[str], expected: str | tuple[str, ...]) -> int | None:
    """1-based position of the first expected page in the results, None when none is there."""
    pages = (expected,) if isinstance(expected, str) else expected
    found = [results.index(page) + 1 for page in pages if page in results]
    return min(found, default=None)


def ranks(search, queries) -> dict[str, tuple[str, int | None]]:
    """Run every query; print its rank, the hit rates, and return {query: (expected, rank)}."""
    found = {query: (expected, rank(search(query), expected)) for query, expected in queries}
    for query, (expected, position) in found.items():
        print(f"{position or '-':>2}  {query!r} -> {expected}")
    print(f"{len(found)} queries: top-1 {top(found, 1):.0%}, top-{TOP} {top(found, TOP):.0%}")
    return found


def top(found: dict[str, tuple[str, int | None]], n: int) -> float:
    return sum(position is not None and position <= n for _, position in found.values()) / len(found)


def misses(found: dict[str, tuple[str, int | None]]) -> list[str]:
    """Every query whose expected page is not in the top results, with where it came."""
    return [
        f"{query!r}: expected {expected} in the top {TOP}, got rank {position}"
        for query, (expected, position) in found.items()
        if position is None or position > TOP
    ]


def test_every_query_finds_its_page_in_the_top_three(search, edition):
    queries = EDITION_QUERIES[edition][0]
    assert len(queries) >= 40
    failed = misses(ranks(search, queries))
    assert not failed, "\n".join(failed)


def test_everyday_queries_mostly_find_their_page(search, edition):
    queries = EDITION_QUERIES[edition][1]
    assert len(queries) >= 80
    found = ranks(search, queries)
    print("\n".join(misses(found)))
    assert top(found, TOP) >= FLOOR, "\n".join(misses(found))


def test_every_query_finds_its_page_in_the_offline_bundle(offline_search, edition):
    failed = misses(ranks(offline_search, EDITION_QUERIES[edition][0]))
    assert not failed, "\n".join(failed)


def test_query_lists_name_pages_of_their_edition(site, edition):
    """Every expected page exists in the edition: a list with the other edition's paths would only miss."""
    built = {path.parent.relative_to(site.root).as_posix() + "/" for path in site.root.rglob("index.html")}
    built = {"" if path == "./" else path for path in built}
    wrong = [(query, page) for queries in EDITION_QUERIES[edition] for query, expected in queries
             for page in ((expected,) if isinstance(expected, str) else expected) if page not in built]
    assert not wrong, wrong


def test_query_list_checker_sees_another_editions_page(site, edition):
    """Broken fixture: the check above, given the other edition's list, reports its pages."""
    other = EDITION_QUERIES["es" if edition == "en" else "en"][0]
    built = {path.parent.relative_to(site.root).as_posix() + "/" for path in site.root.rglob("index.html")}
    assert any(expected not in built for _, expected in other if isinstance(expected, str))


def test_rank_checker_reports_a_wrong_page(search, edition):
    """Broken fixture: a query that finds a different page must be reported, not passed."""
    query, wrong = {"en": ("hot water bottle", "relief/magnesium/"),
                    "es": ("bolsa de agua caliente", "alivio/magnesio/")}[edition]
    found = {query: (wrong, rank(search(query), wrong))}
    assert misses(found) and repr(query) in misses(found)[0]
    assert top(found, TOP) == 0 < FLOOR
    assert rank(["a/", "b/"], ("c/", "b/")) == 2 and rank(["a/"], "c/") is None


# --- loading (docs/assets/js/lazy-search.js) -----------------------------------------------------

def early_search_requests(page, url: str) -> list[str]:
    """The search index and worker requests made while `url` loads, before search is opened."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    return [u for u in requests if re.search(r"/search/search_index\.json|/workers/search\.", u)]


def section_url(base_url: str, page_of) -> str:
    """The edition's "What helps" section: relief/ in English, alivio/ in Spanish."""
    return base_url + page_of("relief/index.html").removesuffix("index.html")


def test_search_downloads_nothing_until_a_phone_reader_opens_it(base_url, browser, page_of, edition):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        assert early_search_requests(page, section_url(base_url, page_of)) == []
        page.locator("label.md-header__button[for=__search]").click()  # the header's search icon
        box = page.locator("input.md-search__input")
        box.fill({"en": "magnesium", "es": "magnesio"}[edition])
        box.press("End")
        playwright_api.expect(page.locator("li.md-search-result__item").first).to_be_visible()
    finally:
        page.close()


def test_request_checker_sees_search_loading_early_without_lazy_search(base_url, browser, page_of):
    """Broken fixture: without lazy-search.js, Material fetches the index and worker on page load."""
    page = browser.new_page()
    page.route("**/lazy-search.js", lambda route: route.abort())
    try:
        assert len(early_search_requests(page, section_url(base_url, page_of))) == 2
    finally:
        page.close()


# --- the matching (sitebuild/search_query.js), on a tiny index ----------------------------

FIXTURE_DOCS = [
    {"location": "spasm/", "title": "Spasm", "text": "<p>A spasm is when a muscle tightens.</p>"},
    {"location": "issues/", "title": "Issues", "text": "<p>Isolated issues: an answer about any issue is available.</p>"},
    {"location": "cramp/", "title": "Night", "text": "<p>A cramp at night.</p>"},
    {"location": "magnesium/", "title": "Minerals", "text": "<p>Magnesium tablets.</p>"},
]
# query -> (what the rewrite must find first, the rule that makes the difference)
RULES = {
    "what is a spasm": ("spasm/", "common words are dropped: 'is' and 'a' no longer match 'issues', 'an', 'any'"),
    "cramps": ("cramp/", "words are stemmed: 'cramps' finds 'cramp'"),
    "magnesum": ("magnesium/", "typos are forgiven: 'magnesum' finds 'magnesium'"),
}
# The Spanish edition's index is Spanish (lunr.es): its own common words and stems, and accents folded.
FIXTURE_DOCS_ES = [
    {"location": "calambre/", "title": "Calambre", "text": "<p>Un calambre es cuando un músculo se tensa.</p>"},
    {"location": "estudios/", "title": "Estudios", "text": "<p>Estudios universitarios: queda una unidad especial.</p>"},
    {"location": "estirar/", "title": "Noche", "text": "<p>Estira la pierna.</p>"},
    {"location": "medico/", "title": "Médico", "text": "<p>Ve al médico de familia.</p>"},
    {"location": "medicamentos/", "title": "Pastillas", "text": "<p>Medicamentos y medicación.</p>"},
]
RULES_ES = {
    "que es un calambre": ("calambre/", "Spanish common words are dropped: 'que', 'es' and 'un' no longer match "
                                        "'queda', 'estudios', 'universitarios'"),
    "estiramientos": ("estirar/", "words are cut to their Spanish stem: 'estiramientos' finds 'estira'"),
    "medico": ("medico/", "accents are folded: 'medico' finds 'médico', not only 'medicamentos'"),
}
FIXTURES = {"en": (FIXTURE_DOCS, RULES), "es": (FIXTURE_DOCS_ES, RULES_ES)}
# with and without accents, the same page: the index and the query are both folded
ACCENTS = {"medico": "medico/", "médico": "medico/", "musculo": "calambre/", "músculo": "calambre/"}
RUN_WORKER = """async ([source, index, queries]) => {
  const worker = new Worker(URL.createObjectURL(new Blob([source], {type: "text/javascript"})))
  const ask = message => new Promise(done => { worker.onmessage = event => done(event.data); worker.postMessage(message) })
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}})  // SETUP
  const results = {}
  for (const query of queries) {
    const {data} = await ask({type: 2, data: query})  // QUERY
    results[query] = data.items.map(group => group[0].location.split("#")[0])
  }
  worker.terminate()
  return results
}"""
# A worker made from a blob cannot resolve Material's "../lunr/min/lunr.es.min.js": it loads the language
# files from the served site, as the real worker does.
REBASE = "self.importScripts = (load => (...urls) => load(...urls.map(url => new URL(url, {base!r}).href)))" \
         "(self.importScripts.bind(self))\n"


def site_worker(site) -> str:
    (worker,) = (site.root / postbuild.WORKERS).glob("search.*.js")
    return worker.read_text(encoding="utf-8")


def material_worker(change: tuple[str, str] | None = None) -> str:
    """Material's own worker; with `change`, plus search_query.js with one line changed (a broken rewrite)."""
    (worker,) = (Path(material.__file__).parent / "templates" / postbuild.WORKERS).glob("search.*.js")
    if change is None:
        return worker.read_text(encoding="utf-8")
    patch = postbuild.QUERY_JS.read_text(encoding="utf-8")
    assert patch.count(change[0]) == 1, f"{postbuild.QUERY_JS.name} no longer has {change[0]!r}: update this fixture"
    return worker.read_text(encoding="utf-8") + "\n" + patch.replace(*change)


def worker_results(browser, base_url: str, site, source: str, edition: str, queries=None) -> dict[str, list[str]]:
    """The first page of each query, from `source` run as the search worker over the edition's tiny index."""
    docs, rules = FIXTURES[edition]
    config = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    source = REBASE.format(base=base_url + postbuild.WORKERS.as_posix() + "/") + source
    page = browser.new_page()
    try:
        return page.evaluate(RUN_WORKER, [source, {"config": config, "docs": docs}, list(queries or rules)])
    finally:
        page.close()


def wrong_rules(results: dict[str, list[str]], rules: dict) -> list[str]:
    return [f"{query!r} -> {results[query]}: {rule}" for query, (page, rule) in rules.items()
            if results[query][:1] != [page]]


def test_search_worker_drops_common_words_stems_and_forgives_typos(site, browser, base_url, edition):
    results = worker_results(browser, base_url, site, site_worker(site), edition)
    wrong = wrong_rules(results, FIXTURES[edition][1])
    assert not wrong, "\n".join(wrong)


def test_material_worker_without_the_rewrite_gets_each_rule_wrong(site, browser, base_url, edition):
    """Broken fixture: Material's own worker fails every rule, so each rule is what fixes it."""
    results = worker_results(browser, base_url, site, material_worker(), edition)
    rules = FIXTURES[edition][1]
    assert len(wrong_rules(results, rules)) == len(rules), results


@pytest.mark.editions("es")
def test_search_worker_finds_a_word_with_or_without_its_accents(site, browser, base_url, edition):
    results = worker_results(browser, base_url, site, site_worker(site), edition, ACCENTS)
    assert {query: found[:1] for query, found in results.items()} == {q: [p] for q, p in ACCENTS.items()}


@pytest.mark.editions("es")
def test_worker_without_accent_folding_misses_the_accentless_word(site, browser, base_url, edition):
    """Broken fixture: the same rewrite with accents left as typed and as indexed. 'médico' still finds its
    page, 'medico' finds only 'medicamentos': the fold is what makes the two the same."""
    source = material_worker(('return word.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "")', "return word"))
    results = worker_results(browser, base_url, site, source, edition, ACCENTS)
    assert results["médico"][:1] == ["medico/"] and results["medico"][:1] == ["medicamentos/"], results


@pytest.mark.editions("es")
def test_worker_with_english_rules_gets_the_spanish_rules_wrong(site, browser, base_url, edition):
    """Broken fixture: the rewrite with lunr's English stemmer and common words on the Spanish index (the
    language the worker loaded not detected) gets the Spanish common words and stems wrong."""
    source = material_worker(("return loaded.length === 1 ? lunr[loaded[0]] : lunr", "return lunr"))
    results = worker_results(browser, base_url, site, source, edition)
    wrong = wrong_rules(results, RULES_ES)
    assert any("que es un calambre" in w for w in wrong) and any("estiramientos" in w for w in wrong), results


def test_build_stops_when_the_search_worker_is_missing(tmp_path):
    with pytest.raises(postbuild.PostBuildError, match=r"assets/javascripts/workers: expected one Material search worker"):
        postbuild.patch_worker(tmp_path)


def test_nonsense_query_shows_no_results_with_links_to_main_sections(search, page_of):
    assert search("zzqxv") == []
    page = search.page
    none = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']"
    )
    playwright_api.expect(page.locator(".md-search-result__meta")).to_have_text(none)
    help_box = page.locator(".search-no-results")
    playwright_api.expect(help_box).to_be_visible()
    links = help_box.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for name in ("relief/index.html", "get-help/index.html"):  # relief/ and get-help/, alivio/ and pedir-ayuda/
        assert any(href.endswith("/" + page_of(name).removesuffix("index.html")) for href in links), (name, links)


def test_no_results_links_open_pages_in_the_offline_bundle(offline_search):
    """Opened from files, a link to a folder shows a file listing: each link must name a page that exists."""
    assert offline_search("zzqxv") == []
    links = offline_search.page.locator(".search-no-results a").evaluate_all("links => links.map(a => a.href)")
    not_pages = [href for href in links if not Path(unquote(urlsplit(href).path)).is_file()]
    assert len(links) >= 4 and not not_pages, not_pages


def test_unknown_page_in_search_terms_stops_the_build(tmp_path, caplog):
    terms = "terms:\n  other.md: cramp\n  relief/no-such-page.md: cramp\n"
    _, errors = build_fixture(tmp_path, {"data/search-terms.yml": terms}, caplog=caplog)
    assert any("docs/data/search-terms.yml:3" in e and "relief/no-such-page.md" in e for e in errors), errors


def test_unknown_page_in_spanish_search_terms_is_reported(tmp_path):
    """docs-es/ reads search-terms-es.yml (keyed by Spanish paths), not the English file."""
    from sitebuild import checks

    docs = tmp_path / "docs-es"
    (docs / "alivio").mkdir(parents=True)
    (docs / "data").mkdir()
    (docs / "alivio" / "magnesio.md").write_text("# Magnesio\n", encoding="utf-8")
    (docs / "data" / "search-terms.yml").write_text("terms:\n  relief/magnesium.md: magnesium\n", encoding="utf-8")
    (docs / "data" / "search-terms-es.yml").write_text(
        "terms:\n  alivio/magnesio.md: magnesio\n  relief/magnesium.md: magnesio\n", encoding="utf-8")
    (problem,) = checks.search_terms_problems(docs)
    assert "search-terms-es.yml:3" in problem and "'relief/magnesium.md'" in problem, problem
