"""Writes the corroboration evaluation set: articles/ (pages) and gold.json.

The prose below was written by the sitrep team for this set (fictional outlets, reporters and
figures; real places). Page chrome (mastheads, sponsor lines, "Advertisement") comes from a few
layouts; copies and re-posts are made from their originals the way aggregators make them.
Run: .venv/bin/python tests/data/corroboration/build.py  (idempotent; rewrites the files)

Gold conventions (see gold.json "conventions").
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "articles"

# --------------------------------------------------------------------------- gold events
# place: name, admin1, country, iso, lat, lon, geo_precision
P = {
    "kostiantynivka": ("Kostiantynivka", "Donetsk", "Ukraine", "UA", 48.527, 37.707, 1),
    "kharkiv": ("Kharkiv", "Kharkiv", "Ukraine", "UA", 49.988, 36.232, 1),
    "sumy": ("Sumy", "Sumy", "Ukraine", "UA", 50.907, 34.798, 1),
    "odesa": ("Odesa", "Odesa", "Ukraine", "UA", 46.477, 30.733, 1),
    "belgorod": ("Belgorod", "Belgorod", "Russia", "RU", 50.597, 36.586, 1),
    "kotlyne": ("Kotlyne", "Donetsk", "Ukraine", "UA", 48.300, 37.030, 1),
    "ukraine": ("Ukraine", None, "Ukraine", "UA", None, None, 3),
    "pokrovsk": ("Pokrovsk", "Donetsk", "Ukraine", "UA", 48.283, 37.176, 1),
    "abu_shouk": ("Abu Shouk", "North Darfur", "Sudan", "SD", 13.660, 25.330, 1),
    "el_fasher": ("El Fasher", "North Darfur", "Sudan", "SD", 13.628, 25.349, 1),
    "nyala": ("Nyala", "South Darfur", "Sudan", "SD", 12.050, 24.880, 1),
    "port_sudan": ("Port Sudan", "Red Sea", "Sudan", "SD", 19.616, 37.216, 1),
    "el_obeid": ("El Obeid", "North Kordofan", "Sudan", "SD", 13.184, 30.217, 1),
    "djibo": ("Djibo", "Sahel", "Burkina Faso", "BF", 14.100, -1.630, 1),
    "diapaga": ("Diapaga", "Est", "Burkina Faso", "BF", 12.070, 1.790, 1),
    "boulkessi": ("Boulkessi", "Mopti", "Mali", "ML", 14.600, -1.450, 1),
    "bamako": ("Bamako", "Bamako", "Mali", "ML", 12.650, -8.000, 1),
    "nabatieh": ("Nabatieh", "Nabatieh", "Lebanon", "LB", 33.378, 35.484, 1),
    "bint_jbeil": ("Bint Jbeil", "Nabatieh", "Lebanon", "LB", 33.120, 35.430, 1),
    "gaza_city": ("Gaza City", "Gaza Strip", "Palestine", "PS", 31.500, 34.467, 1),
    "jabalia": ("Jabalia", "Gaza Strip", "Palestine", "PS", 31.530, 34.480, 1),
    "khan_younis": ("Khan Younis", "Gaza Strip", "Palestine", "PS", 31.346, 34.306, 1),
    "rafah": ("Rafah", "Gaza Strip", "Palestine", "PS", 31.297, 34.245, 1),
}
RU, UA = "Military Forces of Russia", "Military Forces of Ukraine"
EVENTS = {
    # id: (event_type, sub_event_type, actor1, actor2, place, date, gold status, planted contradictions, description)
    "U1": ("Explosions/Remote violence", "Air/drone strike", RU, "Civilians (Ukraine)", "kostiantynivka", "2025-03-11", "disputed", ["fatalities", "injured"], "glide bombs on Kostiantynivka market"),
    "U1b": ("Explosions/Remote violence", "Air/drone strike", RU, None, "ukraine", "2025-03-11", "reported", [], "(secondary) overnight drone and missile barrage on Ukraine"),
    "U2": ("Explosions/Remote violence", "Shelling/artillery/missile attack", RU, "Civilians (Ukraine)", "kostiantynivka", "2025-03-18", "unconfirmed", [], "shelling of Kostiantynivka residential streets a week later"),
    "U3": ("Explosions/Remote violence", "Air/drone strike", RU, "Civilians (Ukraine)", "kharkiv", "2025-03-11", "reported", [], "drone strike on Kharkiv apartment block, same night as U1"),
    "U4": ("Battles", "Non-state actor overtakes territory", RU, UA, "kotlyne", "2025-01-12", "disputed", [], "Russia claims capture of Kotlyne"),
    "U5": ("Explosions/Remote violence", "Shelling/artillery/missile attack", RU, "Civilians (Ukraine)", "sumy", "2025-04-13", "confirmed", ["fatalities", "injured"], "ballistic missiles on Sumy city centre"),
    "U6": ("Explosions/Remote violence", "Air/drone strike", RU, None, "odesa", "2025-04-20", "unconfirmed", [], "drone attack on Odesa port"),
    "U7": ("Explosions/Remote violence", "Air/drone strike", UA, "Civilians (Russia)", "belgorod", "2025-04-20", "reported", [], "Ukrainian drone attack on Belgorod"),
    "U8": ("Explosions/Remote violence", "Shelling/artillery/missile attack", RU, "Civilians (Ukraine)", "pokrovsk", "2025-01-12", "reported", [], "shelling of Pokrovsk, same day as U4"),
    "S1": ("Explosions/Remote violence", "Shelling/artillery/missile attack", "RSF: Rapid Support Forces", "Civilians (Sudan)", "abu_shouk", "2025-06-01", "disputed", ["fatalities", "injured"], "RSF shelling of Abu Shouk camp"),
    "S2": ("Explosions/Remote violence", "Air/drone strike", "RSF: Rapid Support Forces", "Civilians (Sudan)", "el_fasher", "2025-06-05", "confirmed", ["fatalities"], "drone strike on El Fasher hospital four days later"),
    "S3": ("Explosions/Remote violence", "Air/drone strike", "Military Forces of Sudan", "RSF: Rapid Support Forces", "nyala", "2025-05-04", "disputed", [], "army drones hit Nyala airport"),
    "S4": ("Protests", "Peaceful protest", "Protesters (Sudan)", None, "port_sudan", "2025-06-01", "reported", [], "protest over power cuts in Port Sudan, same day as S1"),
    "S5": ("Explosions/Remote violence", "Shelling/artillery/missile attack", "RSF: Rapid Support Forces", "Civilians (Sudan)", "el_obeid", "2025-06-01", "reported", [], "RSF shelling of El Obeid, same day as S1"),
    "M1": ("Battles", "Armed clash", "JNIM: Jama'at Nusrat al-Islam wal-Muslimin", "Military Forces of Burkina Faso", "djibo", "2025-05-11", "disputed", ["fatalities"], "JNIM assault on Djibo"),
    "M2": ("Battles", "Armed clash", "JNIM: Jama'at Nusrat al-Islam wal-Muslimin", "Military Forces of Mali", "boulkessi", "2025-06-01", "disputed", ["fatalities"], "JNIM attack on Boulkessi camp"),
    "M3": ("Protests", "Peaceful protest", "Protesters (Mali)", None, "bamako", "2025-05-03", "confirmed", [], "Bamako rally against dissolution of parties"),
    "M4": ("Battles", "Armed clash", "JNIM: Jama'at Nusrat al-Islam wal-Muslimin", "Military Forces of Burkina Faso", "diapaga", "2025-05-11", "unconfirmed", [], "attack on Diapaga post, same day as M1"),
    "L1": ("Explosions/Remote violence", "Air/drone strike", "Military Forces of Israel", "Hezbollah", "nabatieh", "2025-04-08", "confirmed", ["fatalities"], "drone strike on car near Nabatieh"),
    "L2": ("Explosions/Remote violence", "Air/drone strike", "Military Forces of Israel", "Civilians (Lebanon)", "bint_jbeil", "2025-04-08", "reported", [], "strike on motorbike near Bint Jbeil, same day as L1"),
    "G1": ("Explosions/Remote violence", "Air/drone strike", "Military Forces of Israel", "Civilians (Palestine)", "gaza_city", "2025-05-26", "confirmed", ["fatalities"], "strike on Daraj school shelter"),
    "G2": ("Explosions/Remote violence", "Air/drone strike", "Military Forces of Israel", "Civilians (Palestine)", "khan_younis", "2025-05-26", "reported", [], "strike on tents in Mawasi, Khan Younis, same day as G1"),
    "G3": ("Violence against civilians", "Attack", "Military Forces of Israel", "Civilians (Palestine)", "rafah", "2025-06-01", "disputed", ["fatalities"], "shooting near Rafah aid site"),
    "G4": ("Explosions/Remote violence", "Air/drone strike", "Military Forces of Israel", "Civilians (Palestine)", "jabalia", "2025-05-26", "reported", [], "strike on house in Jabalia, same day as G1, 4 km away"),
}
#: Gold number of independent original sources per event (one per story; citations and copies collapse).
N_INDEP = {"U1": 2, "U1b": 1, "U2": 1, "U3": 1, "U4": 1, "U5": 2, "U6": 1, "U7": 1, "U8": 1, "S1": 2, "S2": 2, "S3": 1,
           "S4": 1, "S5": 1, "M1": 2, "M2": 2, "M3": 2, "M4": 1, "L1": 2, "L2": 1, "G1": 2, "G2": 1, "G3": 2, "G4": 1}


def M(event: str, source: str, stype: str, **kw: object) -> dict[str, object]:
    """One gold mention: the event it reports, the source the report attributes it to, its figures."""
    return {"event": event, "source": source, "source_type": stype, **kw}


# --------------------------------------------------------------------------- the bundled samples (gold only)
SAMPLES = {
    "northbridge_kostiantynivka_market_strike.html": dict(outlet="Northbridge Herald", published="2025-03-11", mentions=[
        M("U1", "Donetsk regional military administration", "government", fatalities=7, injured=19, status="unconfirmed"),
        M("U1b", "Ukraine's air force", "military")]),
    "worldaffairsdigest_kostiantynivka_copy.txt": dict(outlet="Northbridge Herald", aggregator="World Affairs Digest", published="2025-03-12",
        copy_of="northbridge_kostiantynivka_market_strike.html", mentions=[
        M("U1", "Donetsk regional military administration", "government", fatalities=7, injured=19, status="unconfirmed"),
        M("U1b", "Ukraine's air force", "military")]),
    "meridianwire_kostiantynivka_toll_rises.html": dict(outlet="Meridian Wire", published="2025-03-12", mentions=[
        M("U1", "Prosecutor General's Office", "government", fatalities=9, injured=23, status="disputed", denial="Russia's defence ministry")]),
    "northbridge_kotlyne_capture_claim.html": dict(outlet="Northbridge Herald", published="2025-01-13", mentions=[
        M("U4", "Russia's defense ministry", "military", status="disputed", denial="Khortytsia group of forces")]),
    "https://meridianwire.net/europe/russia-kotlyne-pokrovsk-20250112": dict(outlet="Meridian Wire", published="2025-01-12", mentions=[
        M("U4", "Russia's defence ministry", "military", status="unconfirmed")]),
    "redseachronicle_abu_shouk_shelling.html": dict(outlet="The Red Sea Chronicle", published="2025-06-02", mentions=[
        M("S1", "Abu Shouk Emergency Response Room", "organization", fatalities=12, injured=20, status="unconfirmed")]),
    "meridianwire_el_fasher_camp_toll.html": dict(outlet="Meridian Wire", published="2025-06-02", mentions=[
        M("S1", "Sudan Doctors Network", "organization", fatalities=15, injured=27, status="disputed", denial="RSF")]),
    "africanewsnow_abu_shouk_repost.txt": dict(outlet="The Red Sea Chronicle", aggregator="Africa News Now", published="2025-09-18",
        copy_of="redseachronicle_abu_shouk_shelling.html", mentions=[
        M("S1", "Abu Shouk Emergency Response Room", "organization", fatalities=12, injured=20, status="unconfirmed")]),
    "sahelobserver_djibo_attack.html": dict(outlet="Sahel Observer", published="2025-05-12", mentions=[
        M("M1", "two security sources", "anonymous", fatalities=30, status="unconfirmed"),
        M("M1", "JNIM", "organization", fatalities=100, status="unconfirmed")]),
    "northbridge_djibo_rewrite.html": dict(outlet="Northbridge Herald", published="2025-05-13", mentions=[
        M("M1", "Sahel Observer", "media", cites="Sahel Observer", fatalities=30, status="unconfirmed"),
        M("M1", "JNIM", "organization", fatalities=100, status="unconfirmed")]),
    "https://sahelregionaldigest.org/2025/05/14/burkina-army-djibo-statement": dict(outlet="Sahel Regional Digest", published="2025-05-14", mentions=[
        M("M1", "Burkina Faso's army", "military", status="disputed", denial="Burkina Faso's army")]),
    "levantdispatch_nabatieh_drone_strike.html": dict(outlet="Levant Dispatch", published="2025-04-08", mentions=[
        M("L1", "Lebanon's health ministry", "government", fatalities=2, injured=3)]),
    "https://meridianwire.net/middle-east/lebanon-nabatieh-strike-20250408": dict(outlet="Meridian Wire", published="2025-04-08", mentions=[
        M("L1", "National News Agency", "media", fatalities=3)]),
    "https://meridianwire.net/middle-east/gaza-daraj-school-strike-20250526": dict(outlet="Meridian Wire", published="2025-05-26", mentions=[
        M("G1", "Gaza's civil defence agency", "organization", fatalities=31, status="unconfirmed")]),
    "https://levantdispatch.com/palestine/2025/05/26/gaza-city-school-strike": dict(outlet="Levant Dispatch", published="2025-05-26", mentions=[
        M("G1", "Gaza health ministry", "government", fatalities=36, injured=55, status="unconfirmed")]),
}


# --------------------------------------------------------------------------- new articles
def A(key: str, layout: str, outlet: str, domain: str, author: str, published: str, title: str, body: str, mentions: list, **kw: object) -> dict:
    return {"key": key, "layout": layout, "outlet": outlet, "domain": domain, "author": author, "published": published,
            "title": title, "paragraphs": [p.strip() for p in body.strip().split("\n\n")], "mentions": mentions, **kw}


ARTICLES = [
    # ---- U2: Kostiantynivka, a week after the market strike
    A("kramatorskpost_kostiantynivka_shelling.txt", "plain", "Kramatorsk Post", "kramatorskpost.com.ua", "Olena Marchuk", "2025-03-18",
      "Two killed as Russian shells hit residential streets in Kostiantynivka", """
KOSTIANTYNIVKA — Two men were killed and five people wounded when Russian artillery shelled residential streets in the north of Kostiantynivka on Tuesday afternoon, the town's military administration said.

The shells damaged 11 private houses, a gas pipeline and a power line, leaving part of the district without electricity, according to the administration's statement on Telegram.

It was the second deadly attack on the town in a week. On March 11, guided bombs struck the central market.

Police said they had documented the damage as a war crime. The figures could not be independently verified.
""", [M("U2", "town's military administration", "government", fatalities=2, injured=5, status="unconfirmed")]),
    # ---- U3: Kharkiv, same night as U1
    A("kharkivtoday_drone_apartment.html", "news", "Kharkiv Today", "kharkivtoday.info", "Serhii Levchenko", "2025-03-11",
      "Drone hits apartment block in Kharkiv, four injured", """
KHARKIV — A Russian Shahed drone struck the upper floors of a nine-storey apartment block in Kharkiv's Saltivskyi district shortly after 1 a.m. on Tuesday, injuring four people, Mayor Andriy Tereshchuk said.

A 10-year-old girl was among the injured, the mayor wrote on Telegram. Firefighters put out a blaze on the eighth floor and evacuated about 40 residents.

"The explosion threw me out of bed," said Natalia, 58, who lives two floors below. "The windows came in on top of us."

Air raid alerts sounded across the region for most of the night.
""", [M("U3", "Mayor Andriy Tereshchuk", "government", injured=4)]),
    A("meridianwire_kharkiv_drone.html", "wire", "Meridian Wire", "meridianwire.net", "Iryna Savchuk", "2025-03-11",
      "Russian drone strike wounds four in Kharkiv, mayor says", """
KYIV, March 11 (Meridian Wire) - A Russian drone attack on Ukraine's second-largest city Kharkiv wounded four people, including a child, overnight, Mayor Andriy Tereshchuk said on Tuesday.

The drone hit a residential building in the Saltivskyi district and started a fire, Tereshchuk said on the Telegram messaging app.

Russia did not comment on the attack. Both sides deny targeting civilians.
""", [M("U3", "Mayor Andriy Tereshchuk", "government", injured=4)]),
    A("northbridge_kharkiv_brief.html", "news", "Northbridge Herald", "northbridgeherald.com", "Halyna Dorosh", "2025-03-12",
      "Kharkiv apartment block hit by drone as attacks on Ukrainian cities intensify", """
KYIV, Ukraine — A drone slammed into an apartment building in Kharkiv early Tuesday, injuring four people, among them a 10-year-old girl, the local news site Kharkiv Today reported.

Ukrainian officials say Russia has stepped up attacks on cities in the east as ceasefire talks stall.
""", [M("U3", "Kharkiv Today", "media", cites="Kharkiv Today", injured=4)]),
    # ---- U5: Sumy
    A("northbridge_sumy_missiles.html", "news", "Northbridge Herald", "northbridgeherald.com", "Daniel Okafor", "2025-04-13",
      "Russian missiles kill 34 in Sumy as residents gathered for Palm Sunday", """
KYIV, Ukraine — Two Russian ballistic missiles struck the center of the northeastern city of Sumy on Sunday morning as people gathered for Palm Sunday, killing 34 people, including two children, and wounding 117, Ukraine's State Emergency Service said.

The missiles hit a street near the university and a conference center shortly after 10 a.m., setting cars and a trolleybus on fire, according to the emergency service, which published photographs of bodies lying in the street.

President Volodymyr Zelenskyy called the attack an act of terror and urged Western allies to respond.

It was one of the deadliest strikes on a Ukrainian city this year.
""", [M("U5", "State Emergency Service", "government", fatalities=34, injured=117)]),
    A("meridianwire_sumy_toll.html", "wire", "Meridian Wire", "meridianwire.net", "Tomasz Wielgosz", "2025-04-14",
      "Sumy death toll rises to 35; Russia says it targeted military meeting", """
KYIV, April 14 (Meridian Wire) - The death toll from Sunday's Russian missile strike on the centre of Sumy rose to 35, the head of the regional military administration said on Monday, as the city held a day of mourning.

Volodymyr Artiukh said 119 people had been wounded, 15 of them children, and that several remained in a serious condition.

Russia's defence ministry said it had struck a meeting of Ukrainian commanders in the city with two Iskander-M missiles, killing more than 60 servicemen. It did not provide evidence, and Meridian Wire could not verify the claim.

Ukrainian officials said the area hit was a busy street with no military facilities.
""", [M("U5", "regional military administration", "government", fatalities=35, injured=119)]),
    # ---- U6: Odesa
    A("blacksea_odesa_port.txt", "plain", "Black Sea Courier", "blackseacourier.net", "Maksym Ivanenko", "2025-04-21",
      "Drones reportedly hit Odesa port overnight", """
ODESA — Russian drones reportedly struck port infrastructure in Odesa overnight into Monday, causing a fire at a grain terminal, according to local Telegram channels.

Videos shared by residents appeared to show a large blaze near the port and the sound of air defences firing. The regional administration did not immediately comment, and the reports could not be verified.

Russia has repeatedly targeted Ukraine's southern ports, which handle most of its grain exports.
""", [M("U6", "local Telegram channels", "media", hedged=True, status="unconfirmed", date="2025-04-21")]),
    # ---- U7: Belgorod
    A("moscowcourier_belgorod_drones.txt", "plain", "Moscow Courier", "moscowcourier.ru", "Pavel Sorokin", "2025-04-20",
      "One killed in Ukrainian drone attack on Belgorod, governor says", """
BELGOROD — One civilian was killed and three were injured when Ukrainian drones attacked Belgorod on Sunday evening, regional governor Viktor Lapin said.

A drone hit a car on a street in the city's east, killing the driver, Lapin wrote on his Telegram channel. Three passers-by were taken to hospital with shrapnel wounds.

Russia's defence ministry said air defence systems had destroyed 12 Ukrainian drones over the Belgorod region.
""", [M("U7", "governor Viktor Lapin", "government", fatalities=1, injured=3)]),
    A("meridianwire_belgorod.html", "wire", "Meridian Wire", "meridianwire.net", "Meridian Wire staff", "2025-04-20",
      "Ukrainian drone kills one in Russia's Belgorod, governor says", """
MOSCOW, April 20 (Meridian Wire) - A Ukrainian drone attack on the Russian city of Belgorod killed one person and injured three on Sunday, the regional governor, Viktor Lapin, said.

There was no immediate comment from Kyiv, which says its strikes target military infrastructure in Russia.
""", [M("U7", "governor Viktor Lapin", "government", fatalities=1, injured=3)]),
    # ---- U8: Pokrovsk, the day Russia claimed Kotlyne
    A("donbasdaily_pokrovsk_shelling.txt", "plain", "Donbas Daily", "donbasdaily.com.ua", "Anna Hrytsenko", "2025-01-12",
      "Shelling of Pokrovsk kills one, damages hospital", """
POKROVSK — Russian artillery shelled Pokrovsk on Sunday morning, killing a 67-year-old man and damaging the city hospital and several apartment blocks, the regional police said.

The shelling came as Russian forces pressed their assault on villages west and south of the city. About 7,000 residents remain in Pokrovsk despite calls to evacuate, according to local authorities.
""", [M("U8", "regional police", "government", fatalities=1)]),
    # ---- S2: El Fasher hospital
    A("darfurvoice_saudi_hospital.html", "news", "Darfur Voice", "darfurvoice.org", "Adam Yahya", "2025-06-05",
      "Drone strike on El Fasher's Saudi Hospital kills six", """
EL FASHER — A drone strike hit the Saudi Hospital in El Fasher on Thursday morning, killing six people, including a nurse and two patients, the hospital's director told Darfur Voice.

The director, Dr. Ibrahim Khater, blamed the Rapid Support Forces, which have besieged the city for more than a year. He said the strike destroyed the maternity ward's generator and damaged the emergency department.

"We are now working by torchlight," he said. The RSF did not respond to a request for comment.
""", [M("S2", "hospital director Dr. Ibrahim Khater", "person", fatalities=6)]),
    A("meridianwire_el_fasher_hospital.html", "wire", "Meridian Wire", "meridianwire.net", "Yasmin Haddad", "2025-06-06",
      "WHO says nine killed in attack on last functioning hospital in El Fasher", """
CAIRO, June 6 (Meridian Wire) - At least nine people were killed in a drone attack on the Saudi Hospital in El Fasher, the capital of Sudan's North Darfur state, on Thursday, the World Health Organization said.

The WHO's representative in Sudan said in a statement that the hospital was the last functioning referral facility in the besieged city and called for health workers to be protected.

Local medics accused the paramilitary Rapid Support Forces of carrying out the attack. The RSF has not commented.
""", [M("S2", "World Health Organization", "organization", fatalities=9)]),
    # ---- S3: Nyala airport
    A("khartoummonitor_nyala_airport.txt", "plain", "The Khartoum Monitor", "khartoummonitor.com", "Osman Babiker", "2025-05-05",
      "Army drones strike RSF-held Nyala airport, military source says", """
PORT SUDAN — Sudanese army drones struck Nyala airport in South Darfur on Sunday night, destroying a cargo plane and an air defence system belonging to the Rapid Support Forces, a military source told The Khartoum Monitor.

The source, who spoke on condition of anonymity because he was not authorised to speak to the media, said the strikes also hit fuel depots used by the paramilitary group. The claims could not be verified.

The RSF denied that the airport had been damaged, saying in a statement that its air defences had shot down the attacking drones.
""", [M("S3", "a military source", "anonymous", status="disputed", denial="RSF")]),
    A("nilepost_nyala_rewrite.html", "news", "Nile Post", "nilepost.net", "Hiba Salih", "2025-05-06",
      "Sudan army says it hit RSF planes in Nyala", """
KAMPALA — The Sudanese army struck the airport in the RSF-controlled city of Nyala with drones, destroying a cargo aircraft, according to The Khartoum Monitor, which cited a military source.

The paramilitary Rapid Support Forces have used the airport to receive supplies, the army says. The RSF rejected the report as army propaganda.
""", [M("S3", "The Khartoum Monitor", "media", cites="The Khartoum Monitor", status="disputed", denial="RSF")]),
    # ---- S4: Port Sudan protest (same day as S1)
    A("redseachronicle_port_sudan_protest.txt", "plain", "The Red Sea Chronicle", "redseachronicle.com", "Amna Idris", "2025-06-01",
      "Hundreds protest power cuts in Port Sudan", """
PORT SUDAN — Hundreds of residents marched through central Port Sudan on Sunday to protest against power and water cuts that have lasted more than a week, witnesses said.

The protesters, many of them young men and women, chanted slogans against the state electricity company and gathered outside the governor's office before dispersing peacefully in the evening.

The city, which has served as the seat of the army-backed government since 2023, was hit by drone strikes last month that damaged its main power station.
""", [M("S4", "witnesses", "anonymous")]),
    # ---- S5: El Obeid (same day as S1)
    A("kordofantimes_el_obeid.txt", "plain", "Kordofan Times", "kordofantimes.net", "Mubarak Adam", "2025-06-02",
      "RSF shelling kills three in El Obeid", """
EL OBEID — Three civilians were killed and eight wounded on Sunday when the Rapid Support Forces shelled neighbourhoods in the east of El Obeid, the capital of North Kordofan, a local rights group said.

The Kordofan Lawyers' Group said shells fell on homes and a mosque during evening prayers. The RSF has been trying to encircle the city since it was pushed out of areas around Khartoum this spring.
""", [M("S5", "Kordofan Lawyers' Group", "organization", fatalities=3, injured=8)]),
    # ---- M2: Boulkessi
    A("sahelobserver_boulkessi.html", "news", "Sahel Observer", "sahelobserver.africa", "Issouf Kaboré", "2025-06-02",
      "Dozens of soldiers feared killed as jihadists attack Boulkessi camp in Mali", """
BAMAKO — Jihadists from JNIM attacked the military camp at Boulkessi, near Mali's border with Burkina Faso, at dawn on Sunday, killing dozens of soldiers, according to local officials and a security source.

"At least 30 soldiers were killed and the camp was partly burned," a local elected official told the Sahel Observer, asking not to be named. JNIM said in a statement that it had taken control of the camp and seized weapons.

The army had not commented by Sunday evening.
""", [M("M2", "local officials", "anonymous", fatalities=30)]),
    A("meridianwire_boulkessi_army.html", "wire", "Meridian Wire", "meridianwire.net", "Moussa Traoré", "2025-06-02",
      "Mali army says 13 soldiers killed in attack on Boulkessi base, denies it fell", """
BAMAKO, June 2 (Meridian Wire) - Thirteen Malian soldiers were killed when militants attacked an army base in Boulkessi in central Mali on Sunday, the army said, denying claims by the al Qaeda-linked JNIM that the camp had fallen.

In a statement read on state television, the army general staff said its troops had repelled the assault and "neutralised" more than 40 attackers.

Local sources had earlier told regional media that at least 30 soldiers were killed.
""", [M("M2", "Malian army general staff", "military", fatalities=13, status="disputed", denial="Malian army")]),
    A("northbridge_boulkessi_rewrite.html", "news", "Northbridge Herald", "northbridgeherald.com", "Claire Fontaine", "2025-06-03",
      "Jihadist attack on Mali army base leaves at least 13 soldiers dead", """
DAKAR, Senegal — Militants attacked a military base in central Mali over the weekend, killing at least 13 soldiers, the Malian army said, according to Meridian Wire.

The army said the attack on the Boulkessi camp had been repelled, while the jihadist group JNIM claimed to have seized it. Neither account could be independently confirmed.
""", [M("M2", "Meridian Wire", "media", cites="Meridian Wire", fatalities=13, status="disputed", denial="Malian army")]),
    # ---- M3: Bamako protest
    A("sahelobserver_bamako_rally.txt", "plain", "Sahel Observer", "sahelobserver.africa", "Awa Diarra", "2025-05-04",
      "Hundreds rally in Bamako against plan to dissolve political parties", """
BAMAKO — Several hundred people gathered at the Palais de la Culture in Bamako on Saturday to protest against a plan by Mali's military authorities to dissolve political parties, our correspondent saw.

Demonstrators waved Malian flags and chanted "Yes to democracy". The rally ended peacefully in the early afternoon after police blocked access to the main road.
""", [M("M3", "Sahel Observer", "media", status="confirmed")]),
    A("meridianwire_bamako_rally.html", "wire", "Meridian Wire", "meridianwire.net", "Moussa Traoré", "2025-05-03",
      "Malians protest against plan to dissolve parties", """
BAMAKO, May 3 (Meridian Wire) - Hundreds of Malians protested in the capital Bamako on Saturday against a recommendation to dissolve all political parties, in a rare show of dissent against the ruling junta, a Meridian Wire witness said.

Police watched but did not intervene. Organisers said they would hold further rallies.
""", [M("M3", "Meridian Wire", "media", status="confirmed")]),
    # ---- M4: Diapaga (same day as M1)
    A("burkinawatch_diapaga.txt", "plain", "Burkina Watch", "burkinawatch.bf", "Salif Ouattara", "2025-05-12",
      "Gunmen attack army post near Diapaga", """
FADA N'GOURMA — Armed men attacked an army post near Diapaga in eastern Burkina Faso on Sunday, killing four soldiers, according to a local resident and a security source.

The attackers, believed to be JNIM fighters, set fire to vehicles before withdrawing towards the border with Niger, the sources said. The information could not be confirmed with the army.
""", [M("M4", "a security source", "anonymous", fatalities=4, status="unconfirmed")]),
    # ---- L2: Bint Jbeil (same day as L1)
    A("levantdispatch_bint_jbeil.txt", "plain", "Levant Dispatch", "levantdispatch.com", "Rami Khoury", "2025-04-08",
      "Man killed in Israeli strike on motorbike near Bint Jbeil", """
BEIRUT — A man was killed on Tuesday afternoon when an Israeli drone struck a motorbike on the outskirts of Bint Jbeil, near the border with Israel, Lebanon's state-run National News Agency said.

It was the second deadly strike in southern Lebanon that day. The Israeli military did not immediately comment.
""", [M("L2", "National News Agency", "media", fatalities=1)]),
    # ---- G2: Khan Younis (same day as G1)
    A("meridianwire_khan_younis.html", "wire", "Meridian Wire", "meridianwire.net", "Omar Nassar", "2025-05-26",
      "Israeli strike on tents in Khan Younis kills 12, hospital says", """
CAIRO, May 26 (Meridian Wire) - An Israeli air strike on tents sheltering displaced families in the Mawasi area west of Khan Younis killed 12 people, including six children, early on Monday, officials at Nasser Hospital said.

The Israeli military said it was looking into the report.
""", [M("G2", "Nasser Hospital", "organization", fatalities=12)]),
    # ---- G3: Rafah aid site
    A("levantdispatch_rafah_aid_site.html", "news", "Levant Dispatch", "levantdispatch.com", "Lina Barakat", "2025-06-01",
      "31 killed near Rafah aid distribution site, Gaza health ministry says", """
GAZA CITY — Israeli forces opened fire on crowds of Palestinians heading to an aid distribution site west of Rafah early on Sunday, killing 31 people and wounding more than 170, the Gaza health ministry said.

Witnesses said tanks and drones fired on people walking along the coastal road about a kilometre from the site before dawn. "They were shooting at everyone who moved," said Mohammed Abu Taha, 34.

The Israeli military denied that its troops had fired on civilians near or inside the site, calling the reports false.
""", [M("G3", "Gaza health ministry", "government", fatalities=31, injured=170, status="disputed", denial="Israeli military")]),
    A("northbridge_rafah_red_cross.html", "news", "Northbridge Herald", "northbridgeherald.com", "Daniel Okafor", "2025-06-01",
      "Red Cross says its Rafah hospital received 21 dead after shooting near aid site", """
JERUSALEM — The International Committee of the Red Cross said its field hospital in Rafah received 179 casualties on Sunday morning, 21 of whom were declared dead on arrival, after a shooting near an aid distribution site in southern Gaza.

Most of the wounded had gunshot or shrapnel wounds, the ICRC said, and all said they had been trying to reach the aid site.

The Israeli military said it was not aware of injuries caused by its fire and that the incident was under review.
""", [M("G3", "International Committee of the Red Cross", "organization", fatalities=21, injured=179)]),
    A("meridianwire_rafah_denial.html", "wire", "Meridian Wire", "meridianwire.net", "Omar Nassar", "2025-06-02",
      "Israel denies firing on Gaza aid seekers as toll disputed", """
CAIRO, June 2 (Meridian Wire) - Israel's military on Monday denied that its troops had shot at Palestinians near an aid site in Rafah, after Gaza health officials said 31 people were killed there on Sunday.

The Gaza health ministry said the dead had been trying to reach food handed out by a U.S.-backed group. The Israeli military said an initial inquiry found its forces had not fired at civilians near the site.

Meridian Wire could not independently verify either account.
""", [M("G3", "Gaza health ministry", "government", fatalities=31, status="disputed", denial="Israel's military")]),
    # ---- G4: Jabalia (same day as G1)
    A("gazanow_jabalia_house.txt", "plain", "Gaza Now Report", "gazanowreport.ps", "Hani Shurrab", "2025-05-26",
      "Family of seven killed in strike on Jabalia house", """
JABALIA — An Israeli air strike destroyed a three-storey house in the Jabalia refugee camp in northern Gaza on Monday, killing seven members of one family, civil defence workers said.

Rescuers pulled the bodies of a father, mother and five children from the rubble, according to the civil defence, which said others were still missing.
""", [M("G4", "civil defence", "organization", fatalities=7)]),
]

#: Copies: (new file, original key, aggregator, repost date)
COPIES = [
    ("worldnewshub_meridian_kostiantynivka_repost.txt", "meridianwire_kostiantynivka_toll_rises.html", "World News Hub", "2025-07-15"),
    ("eastwatch_kostiantynivka_shelling_copy.txt", "kramatorskpost_kostiantynivka_shelling.txt", "East Watch Daily", "2025-03-19"),
    ("globalpulse_kharkiv_copy.txt", "meridianwire_kharkiv_drone.html", "Global Pulse News", "2025-03-11"),
    ("worldaffairsdigest_kotlyne_copy.txt", "northbridge_kotlyne_capture_claim.html", "World Affairs Digest", "2025-01-14"),
    ("worldaffairsdigest_sumy_copy.txt", "meridianwire_sumy_toll.html", "World Affairs Digest", "2025-04-14"),
    ("theamericanbrief_sumy_repost.txt", "northbridge_sumy_missiles.html", "The American Brief", "2025-10-02"),
    ("africanewsnow_hospital_copy.txt", "meridianwire_el_fasher_hospital.html", "Africa News Now", "2025-06-07"),
    ("africanewsnow_nyala_copy.txt", "khartoummonitor_nyala_airport.txt", "Africa News Now", "2025-05-06"),
    ("africanewsnow_boulkessi_copy.txt", "meridianwire_boulkessi_army.html", "Africa News Now", "2025-06-03"),
    ("globalpulse_bamako_copy.txt", "meridianwire_bamako_rally.html", "Global Pulse News", "2025-05-04"),
    ("middleeastdigest_nabatieh_copy.txt", "levantdispatch_nabatieh_drone_strike.html", "Middle East Digest", "2025-04-09"),
    ("middleeastdigest_gaza_school_copy.txt", "https://levantdispatch.com/palestine/2025/05/26/gaza-city-school-strike", "Middle East Digest", "2025-05-27"),
    ("worldnewshub_khan_younis_copy.txt", "meridianwire_khan_younis.html", "World News Hub", "2025-05-26"),
    ("theamericanbrief_rafah_repost.txt", "northbridge_rafah_red_cross.html", "The American Brief", "2025-11-20"),
    ("eastwatch_belgorod_copy.txt", "moscowcourier_belgorod_drones.txt", "East Watch Daily", "2025-04-21"),
]


# --------------------------------------------------------------------------- rendering
MONTHS = "January February March April May June July August September October November December".split()


def long_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{MONTHS[m - 1]} {d}, {y}"


def short_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{MONTHS[m - 1][:3]} {d:02d}, {y}"


def render_plain(a: dict) -> str:
    lines = [a["outlet"].upper(), long_date(a["published"]), "", a["title"], f"By {a['author']}", ""]
    for i, p in enumerate(a["paragraphs"]):
        lines += [p, ""]
        if i == 1 and len(a["paragraphs"]) > 3:
            lines += ["Advertisement", ""]
    lines += [f"Contact the newsroom: desk@{a['domain']}", f"© {a['published'][:4]} {a['outlet']}. All rights reserved."]
    return "\n".join(lines) + "\n"


def render_html(a: dict) -> str:
    e = html.escape
    paras = []
    for i, p in enumerate(a["paragraphs"]):
        paras.append(f"  <p>{e(p)}</p>")
        if i == 1:
            paras.append('  <div class="ad">Advertisement</div>')
    wire = a["layout"] == "wire"
    nav = ("<a href='/'>{}</a> <a href='/world'>World</a> <a href='/europe'>Europe</a> <a href='/africa'>Africa</a> "
           "<a href='/middle-east'>Middle East</a> <a href='/markets'>Markets</a>").format(e(a["outlet"].upper() if wire else a["outlet"]))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(a['title'])} | {e(a['outlet'])}</title>
<meta name="author" content="{e(a['author'])}">
<meta property="og:site_name" content="{e(a['outlet'])}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(a['title'])}">
<meta property="article:published_time" content="{a['published']}T09:00:00+00:00">
<link rel="canonical" href="https://{a['domain']}/{a['published'].replace('-', '/')}/{a['key'].rsplit('.', 1)[0].replace('_', '-')}">
</head>
<body>
<header><nav>{nav}</nav></header>
<main>
<article>
  <h1>{e(a['title'])}</h1>
  <p class="byline">By {e(a['author'])} · {long_date(a['published'])}</p>
{chr(10).join(paras)}
  <aside class="related"><h3>Related</h3><a href="/latest">Latest news</a> · <a href="/newsletters">Sign up for our newsletter</a></aside>
</article>
</main>
<footer>© {a['published'][:4]} {e(a['outlet'])}. <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/contact">Contact</a></footer>
</body>
</html>
"""


def render_copy(orig: dict, aggregator: str, repost: str) -> str:
    """An aggregator's copy: caps site header, date line, sponsor lines, the original text, contact line."""
    lines = [aggregator.upper(), f"{short_date(repost)}  |  ", "0", " | Springfield,IL",
             "Sponsor:  QUICKQUOTE ", "Sponsor:  QUICKQUOTE: Compare insurance quotes in minutes.", "back  ", "topic",
             orig["author"], "", "", f"NextImg:{orig['title']}", ""]
    for i, p in enumerate(orig["paragraphs"]):
        lines += [p, ""]
        if i == 2:
            lines += ["Advertisement", ""]
    handle = orig["author"].split()[0][0].lower() + orig["author"].split()[-1].lower()
    lines += [f"• {orig['author']} can be reached at {handle}@{orig['domain']}."]
    return "\n".join(lines) + "\n"


def sample_original(key: str) -> dict:
    """Title, author and paragraphs of a bundled sample, for making a copy of it."""
    samples = HERE.parents[2] / "sitrep" / "data" / "samples"
    if key.startswith("http"):
        for line in (samples / "sahel_levant_digest.jsonl").read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            if obj["url"] == key:
                return {"title": obj["title"], "author": obj["authors"][0], "domain": key.split("/")[2],
                        "paragraphs": obj["text"].split("\n\n"), "outlet": obj["outlet"]}
        raise KeyError(key)
    page = (samples / key).read_text(encoding="utf-8")
    art = page[page.index("<article"): page.index("</article>")]
    paras = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", art, re.S)]
    title = html.unescape(re.search(r"<h1>(.*?)</h1>", art, re.S).group(1))  # type: ignore[union-attr]
    author = re.search(r'<meta name="author" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    canonical = re.search(r'<link rel="canonical" href="https?://(?:www[.])?([^/]+)/', page).group(1)  # type: ignore[union-attr]
    return {"title": title, "author": author, "domain": canonical, "paragraphs": paras}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for f in OUT.iterdir():
        f.unlink()
    docs: dict[str, dict] = {}
    for key, g in SAMPLES.items():
        docs[key] = {"path": None if key.startswith("http") else f"sitrep/data/samples/{key}", **g}
    by_key = {a["key"]: a for a in ARTICLES}
    for a in ARTICLES:
        text = render_plain(a) if a["layout"] == "plain" else render_html(a)
        (OUT / a["key"]).write_text(text, encoding="utf-8")
        docs[a["key"]] = {"path": f"tests/data/corroboration/articles/{a['key']}", "outlet": a["outlet"],
                          "published": a["published"], "mentions": a["mentions"]}
    for new, orig_key, aggregator, repost in COPIES:
        orig = by_key.get(orig_key) or sample_original(orig_key)
        (OUT / new).write_text(render_copy(orig, aggregator, repost), encoding="utf-8")
        o = docs[orig_key]
        docs[new] = {"path": f"tests/data/corroboration/articles/{new}", "outlet": o["outlet"], "aggregator": aggregator,
                     "published": repost, "copy_of": orig_key, "mentions": o["mentions"]}
    events = {}
    for eid, (etype, sub, a1, a2, place, day, status, contra, desc) in EVENTS.items():
        name, admin1, country, iso, lat, lon, prec = P[place]
        events[eid] = {"description": desc, "event_type": etype, "sub_event_type": sub, "actor1": a1, "actor2": a2,
                       "location": {"name": name, "admin1": admin1, "country": country, "iso": iso, "lat": lat, "lon": lon,
                                    "geo_precision": prec},
                       "date": day, "time_precision": 1, "status": status, "contradictions": contra,
                       "n_independent_sources": N_INDEP[eid]}
    gold = {
        "conventions": {
            "document keys": "file name for a single page; the entry URL for feed and JSONL entries",
            "mentions": "the events each document reports (main events, plus deliberate secondary ones), with the "
                        "source the report attributes the event to, its figures and the report's own status",
            "n_independent_sources": "one original source per story (an original and its copies); a report citing "
                                     "another outlet whose story is in the set counts toward that story's source; "
                                     "anonymous sources are distinct per outlet",
            "contradictions": "planted disagreements between reports (fatalities, injured)",
            "status": "disputed if a party denies; confirmed if verified by an outlet or >= 2 independent sources; "
                      "unconfirmed if single-source and hedged or stated unverifiable; reported otherwise",
            "confusers": "events on the same day nearby, or at the same place a week apart, are different events",
        },
        "events": events,
        "documents": docs,
    }
    (HERE / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(ARTICLES)} articles + {len(COPIES)} copies written; gold covers {len(docs)} documents, {len(events)} events")


if __name__ == "__main__":
    main()
