"""End to end on articles with hand-written expected tables (tests/gold/*.json).

Each test compares whole rows, so a regression shows exactly which actor or position changed.
tests/heldout/ holds an article written after tuning; its known gaps are xfail, not deleted.
"""

import json
from functools import lru_cache
from pathlib import Path

import pytest

from analysis.corpus import analyze
from analysis.reader import read_file

HERE = Path(__file__).resolve().parent
GOLD = sorted((HERE / "gold").glob("*.json"))


@lru_cache(maxsize=None)  # each article is compared table by table: analyse it once
def _load(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    tables = analyze([read_file(path.parent / gold["file"])])
    return gold, tables


# Known gaps on the real seed article (tests/gold/seed.json, written by hand): strict xfails.
SEED_GAPS = {
    "actors": "'European leaders' are an actor only through their reaction ('openly critical of Trump's approach'), "
              "which is not found",
    "reactions": "'countered that' (Barrot -> Hegseth), 'openly critical of Trump's approach' and 'describing his "
                 "conversation with Trump as' are not found",
}


def _gold_params(table):
    for path in GOLD:
        reason = SEED_GAPS.get(table) if path.stem == "seed" else None
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        yield pytest.param(path, marks=marks, id=path.stem)


@pytest.fixture(scope="module", params=GOLD, ids=[p.stem for p in GOLD])
def case(request, nlp):
    return _load(request.param)


@pytest.mark.parametrize("path", list(_gold_params("actors")))
def test_actor_rows(nlp, path):
    gold, tables = _load(path)
    got = sorted(tuple(r) for r in tables.actors[["name", "actor_type", "country", "role"]].itertuples(index=False))
    want = sorted((a["name"], a["actor_type"], a["country"], a["role"]) for a in gold["actors"])
    assert got == want


@pytest.mark.parametrize("path", list(_gold_params("positions")))
def test_position_rows(nlp, path):
    """Required triples all found, nothing else found (optional triples may or may not be)."""
    gold, tables = _load(path)
    got = set(tables.statements[["actor", "issue", "stance"]].itertuples(index=False, name=None))
    optional = {(p["actor"], p["issue"], p["stance"]) for p in gold["positions"] if p.get("optional")}
    want = {(p["actor"], p["issue"], p["stance"]) for p in gold["positions"]} - optional
    assert sorted(got - optional) == sorted(want)


@pytest.mark.parametrize("path", list(_gold_params("reactions")))
def test_reaction_rows(nlp, path):
    gold, tables = _load(path)
    got = sorted(tables.reactions[["source", "target", "relation"]].itertuples(index=False, name=None))
    want = sorted((r["source"], r["target"], r["relation"]) for r in gold["reactions"])
    assert got == want


def test_every_position_carries_its_sentence(case):
    gold, tables = case
    article = read_file(Path(HERE / "gold" / "x").parent / gold["file"])
    for row in tables.statements.itertuples():
        assert article.text[row.start:row.end].strip() == row.evidence
        assert row.kind in ("direct", "indirect", "reported")
        assert 0 < row.confidence <= 1
        if row.kind == "direct":
            assert row.quote and row.quote in article.text


def test_seed_has_all_fifteen_people_with_the_right_countries(nlp):
    gold, tables = _load(HERE / "gold" / "seed.json")
    people = tables.actors[tables.actors.actor_type == "person"]
    want = {a["name"]: a["country"] for a in gold["actors"] if a["actor_type"] == "person"}
    assert len(want) == 15
    assert dict(zip(people.name, people.country)) == want


def test_colon_quote_goes_to_the_speaker_before_the_colon(nlp):
    """'X confirmed this stance in a social media post: “...”' is X's quote, not the next person's."""
    _, tables = _load(HERE / "gold" / "seed.json")
    direct = tables.statements[(tables.statements.kind == "direct") & (tables.statements.issue == "negotiations")]
    assert "Donald Trump" in set(direct.actor)


def test_multi_sentence_quote_is_one_direct_position(nlp):
    _, tables = _load(HERE / "gold" / "us-russia-talks-written.json")
    direct = tables.statements[(tables.statements.kind == "direct") & (tables.statements.issue == "seat_at_table")]
    assert len(direct) == 1
    quote = direct.iloc[0].quote  # both sentences of the quote, without the trailing comma
    assert "at the table." in quote and quote.endswith("without Ukraine")


# Articles written later, each first scored untouched (figures in the README), then used to find
# general fixes. Known gaps stay here as strict xfails: one per (article, table).
DEV = sorted((HERE / "dev").glob("*.json"))
KNOWN_GAPS = {
    ("central-europe-reactions", "positions"):
        "pronoun 'he' now goes to the nearest compatible person by recency, which here is not the speaker the "
        "gold names; 'Greek officials' lose their claim",
    ("moscow-berlin-exchange", "actors"):
        "'the European proposal' now names the EU as reaction target (a demonym on a proposal noun); the gold "
        "of this self-written article names no one",
    ("moscow-berlin-exchange", "reactions"):
        "same as the actors gap: Russia -> European Union 'disagrees' is found, the gold leaves it open",
    ("london-rome-interview", "positions"):
        "'a ceasefire without security guarantees would be meaningless' also yields ceasefire/oppose",
    ("berlin-warsaw-statements", "reactions"):
        "'rejected the proposals' is linked to the previous speaker (Wrona), which the gold leaves open",
    ("ankara-budapest-bratislava", "positions"):
        "'dismissed Farkas's proposal' takes over both of Farkas's last stances (ceasefire and weapons), "
        "though the proposal was only the ceasefire",
}


# Written after the last change to the engine and scored once (README, round 9); kept untuned so
# that it goes on measuring generalisation. Its gaps are the next things to fix.
HELDOUT = sorted((HERE / "heldout").glob("*.json"))
HELDOUT_GAPS = {
    ("nato-summit-preview", "positions"):
        "'path to membership' without the word NATO, and 'could not meet that target' (the target named in an "
        "earlier sentence) give no cue",
    ("nato-summit-preview", "reactions"):
        "'backed the pledge' is linked to the previous speaker, not to the author of the pledge",
}


def _rows(gold, tables, table):
    if table == "actors":
        return (sorted(set(tables.actors["name"])), sorted({a["name"] for a in gold["actors"]}))
    if table == "positions":
        return (sorted(set(tables.statements[["actor", "issue", "stance"]].itertuples(index=False, name=None))),
                sorted({(p["actor"], p["issue"], p["stance"]) for p in gold["positions"]}))
    return (sorted(set(tables.reactions[["source", "target", "relation"]].itertuples(index=False, name=None))),
            sorted({(r["source"], r["target"], r["relation"]) for r in gold["reactions"]}))


def _cases(paths, gaps, prefix=""):
    for path in paths:
        for table in ("actors", "positions", "reactions"):
            reason = gaps.get((path.stem, table))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            yield pytest.param(path, table, marks=marks, id=f"{prefix}{path.stem}-{table}")


@pytest.mark.parametrize("path, table", list(_cases(DEV, KNOWN_GAPS)) + list(_cases(HELDOUT, HELDOUT_GAPS, "heldout-")))
def test_later_articles(nlp, path, table):
    gold, tables = _load(path)
    got, want = _rows(gold, tables, table)
    assert got == want


def test_dev_countries(nlp):
    for path in DEV:
        gold, tables = _load(path)
        got = dict(zip(tables.actors.name, tables.actors.country))
        assert {a["name"]: got.get(a["name"]) for a in gold["actors"]} == {a["name"]: a["country"] for a in gold["actors"]}


REACTION_SENTENCES = [
    ("French Prime Minister Anne Marceau was criticised by Polish Foreign Minister Jan Nowak over the plan.",
     [("Jan Nowak", "Anne Marceau", "disagrees")]),
    ("Dutch Prime Minister Tom Lind thanked Senator Ann Berg and Senator Ray Cole for the vote.",
     [("Tom Lind", "Ann Berg", "agrees"), ("Tom Lind", "Ray Cole", "agrees")]),
    ("Latvian Foreign Minister Jan Nowak commented on Tom Lind's plan, calling it absurd.",
     [("Jan Nowak", "Tom Lind", "disagrees")]),
    ("Latvian Foreign Minister Jan Nowak said sanctions must stay.", []),
    # the reaction is the subject's, and a country inside the target's title names no one else
    ("Ukrainian President Anna Berg on Wednesday slammed former U.S. Secretary of State Tom Reed for suggesting "
     "that Ukraine cede territory.", [("Anna Berg", "Tom Reed", "disagrees")]),
    ("Anna Berg, who met Eva Lind, slammed Tom Reed for suggesting that Ukraine cede territory.",
     [("Anna Berg", "Tom Reed", "disagrees")]),
    # a harsh judgment of what another person did or proposed
    ("Latvian Foreign Minister Jan Nowak said Tom Lind's visit to Moscow was nothing but appeasement.",
     [("Jan Nowak", "Tom Lind", "disagrees")]),
    ("Chancellor Anna Berg called Tom Reed's proposal a dictatorial peace.", [("Anna Berg", "Tom Reed", "disagrees")]),
    ("Latvian Foreign Minister Jan Nowak said Tom Lind's visit to Moscow was planned for May.", []),
    ("Anna Berg said her own plan was absurd, Tom Reed's aide added.", []),
    # a comment on what the target did, named with a distancing word, disagrees with them
    ("White House adviser Tom Lind, commenting on Anna Berg's self-proclaimed \"peace mission,\" said that Latvia "
     "would be concerned by any deal.", [("Tom Lind", "Anna Berg", "disagrees")]),
    ("Latvian Foreign Minister Jan Nowak commented on Tom Lind's peace plan, saying talks must wait.",
     [("Jan Nowak", "Tom Lind", "responds")]),
    # asking the target to undo what they did, denouncing it, threatening them
    ("Latvian Foreign Minister Jan Nowak urged Tom Lind to immediately repeal the export ban.",
     [("Jan Nowak", "Tom Lind", "disagrees")]),
    ("Latvian Foreign Minister Jan Nowak urged Tom Lind to attend the summit.", []),
    ("Latvian Foreign Minister Jan Nowak issued a statement denouncing Tom Lind's restrictions on grain imports.",
     [("Jan Nowak", "Tom Lind", "disagrees")]),
    ("Latvian Foreign Minister Jan Nowak threatened Tom Lind with new tariffs, saying the ban was wrong.",
     [("Jan Nowak", "Tom Lind", "disagrees")]),
    # a condemnation the speaker asks of others, or one someone refrained from, is not the speaker's
    ("Latvian Foreign Minister Jan Nowak said that world leaders should be condemning Tom Lind, not Latvia.", []),
    ("China refrained from condemning Tom Lind, Latvian Foreign Minister Jan Nowak said.", []),
    # what a speaker says of another person, quoted, disagreeing
    ("Tom Lind spoke on Monday. In response, Latvian Foreign Minister Jan Nowak said of Mr Lind: \"I don't know why "
     "he said that, but I do not agree at all.\"", [("Jan Nowak", "Tom Lind", "disagrees")]),
    ("Tom Lind spoke on Monday. Latvian Foreign Minister Jan Nowak said of Mr Lind: \"He is a good friend.\"", []),
    # a state (or its capital) reacting to what another state or a person proposed
    ("Riga dismissed Estonia's suggestion of a ceasefire.", [("Latvia", "Estonia", "disagrees")]),
    ("Latvia rejected the proposal.", []),
    # support or gratitude expressed, with a possessive or an adjective before it
    ("Latvian Foreign Minister Jan Nowak has signaled his support for Tom Lind's appeal.",
     [("Jan Nowak", "Tom Lind", "agrees")]),
    ("Latvian President Anna Berg expressed her gratitude to President Tom Lind for the aid.",
     [("Anna Berg", "Tom Lind", "agrees")]),
    # the speaker's own country, named as a country, is not someone they answer
    ("US Vice President Anna Berg rejected calls for the U.S. to walk away from its global role.", []),
    ("US President Anna Berg welcomed the US and French-brokered ceasefire as good news.", []),
    # a reaction in the words quoted when its subject is the speaker ("I", "we"), not someone else
    ("“We agree with Tom Lind that these policies are wrong,” Anna Berg, a spokeswoman for the minister, said.",
     [("Anna Berg", "Tom Lind", "agrees")]),
    ("“I welcome Tom Lind's proposals, which are timely,” Latvian President Anna Berg said.",
     [("Anna Berg", "Tom Lind", "agrees")]),
    ("“They welcome Tom Lind's plan,” Latvian President Anna Berg said.", []),
]


@pytest.mark.parametrize("text, expected", REACTION_SENTENCES)
def test_reactions_in_sentences(nlp, text, expected):
    doc = nlp(text)
    assert [(s, t, r) for s, t, r, _ in doc._.reactions] == expected


COUNTRY_SENTENCES = [
    # a pope's one name with the title is the person's name; the title gives the country
    ("Pope Gregory said peace talks must start. Gregory added that he prays for peace.", {"Pope Gregory": "VAT"}),
    # a title spanning to the armed forces it commands
    ("Commander-in-Chief of the Latvian troops Tom Reed said talks must wait.", {"Tom Reed": "LVA"}),
    ("I had a call with President Anton Vela of Moldova.", {"Anton Vela": "MDA"}),
    ("U.K. Defense Minister Tom Hale said sanctions stay.", {"Tom Hale": "GBR"}),
    ("US President Dan Hart's administration said sanctions stay.", {"Dan Hart": "USA"}),
    ("Lucia Ferraro urged Ukraine's leader to act.", {"Lucia Ferraro": ""}),  # never from a name or a place nearby
    # a headline's last words are no title of the name that opens the next paragraph
    ("Latvia asks allies for help after deadly Russian strikes\n\nPresident Anna Berg renewed her plea for weapons.",
     {"Anna Berg": ""}),
    ("“We reject it,” said Jake Holm, US President Dan Hart's national security adviser.",
     {"Jake Holm": "USA", "Dan Hart": "USA"}),
    ("White House National Security Advisor Tom Reed said the talks would go on.", {"Tom Reed": "USA"}),
    ("Earlier, White House National Security Communications Advisor Tom Reed said he expected no change.",
     {"Tom Reed": "USA"}),
    ("Kremlin Press Service Director Tom Hale said talks stay.", {"Tom Hale": "RUS"}),
    ("Pope Gregory said peace was needed in Ukraine.", {"Pope Gregory": "VAT"}),  # a title only one state has
    ("Taoiseach Ann Lind said the EU must act.", {"Ann Lind": "IRL"}),
    # a country's title refers back: not to a person of that title named only further down
    ("Talks were held in Geneva. The Ukrainian president said peace talks must start. He met President Putov.",
     {"Putov": ""}),
    ("President Putov spoke. The Russian president said peace talks must start.", {"Putov": "RUS"}),
    # a definite title with a country and no name refers back to the one person just named without a
    # country or another title; with two such people, or a person of that country named, nothing
    ("Anna Berg rejected the plan on Monday. The Latvian president said talks must wait.", {"Anna Berg": "LVA"}),
    ("Tom Reed met Anna Berg. The Latvian president said talks must wait.", {"Tom Reed": "", "Anna Berg": ""}),
    ("Latvian Foreign Minister Karl Lind met Tom Reed. The Latvian president said talks must wait.",
     {"Karl Lind": "LVA", "Tom Reed": ""}),
    ("Norway's former minister of defence and foreign affairs, Lars Holm, said the idea was wrong.",
     {"Lars Holm": "NOR"}),
    # a country's title set beside the name: a hyphened modifier is one word, a leaning is no
    # nationality, and the name's own title leaves the country to the title it is set beside
    ("The plan is dead, Estonia's recently-appointed premier, Mari Kask, told the radio.", {"Mari Kask": "EST"}),
    ("Chile's pro-American foreign minister, Ana Soto, wants a deal.", {"Ana Soto": "CHL"}),
    ("The anti-Russian envoy Ana Soto wants a deal.", {"Ana Soto": ""}),
    ("On Friday Peru's envoy to the WTO, Ambassador Luis Prado, backed the ruling.", {"Luis Prado": "PER"}),
    ("Prime Minister Ravi Menon met the envoy on Friday. Menon reiterated India's position on the war.",
     {"Ravi Menon": "IND"}),
    ("He met Ukrainian officials including President Anna Berg in Kyiv.", {"Anna Berg": "UKR"}),
    ("He met European leaders including President Anna Berg in Kyiv.", {"Anna Berg": ""}),
    ("Anna Berg met Ravi Menon and questioned India's position on the war.", {"Anna Berg": "", "Ravi Menon": ""}),
    ("Anna Berg, who met Norway's foreign minister, said the idea was wrong.", {"Anna Berg": ""}),
    ("Before the meeting, U.S Treasury Secretary, Anna Berg visited the country.", {"Anna Berg": "USA"}),
    ("They wrote to United States Trade Representative Anna Berg on Monday.", {"Anna Berg": "USA"}),
    ("Palestinian Authority President Ravi Menon spoke on Monday.", {"Ravi Menon": "PSE"}),
    ("The ministry answered former US Congressman Tom Reed on Monday.", {"Tom Reed": "USA"}),
    ("“It offers hope,” Brazil’s U.N. Ambassador Anna Berg told the council.", {"Anna Berg": "BRA"}),
    ("Qatari Emir Tamim Haddad said talks would go on.", {"Tamim Haddad": "QAT"}),  # not "Emir Tamim Haddad"
    ("Saudi Crown Prince Omar Faris met the envoy.", {"Omar Faris": "SAU"}),
    ("Canada set a tariff that matches U.S. tariffs. Prime Minister Tom Reed’s government began a review.",
     {"Tom Reed": ""}),  # the U.S. of the sentence before is not his
    ("On Monday, President of Ukraine Anna Berg arrived in Berlin.", {"Anna Berg": "UKR"}),
    ("Prime Minister of the United Kingdom Tom Reed said so.", {"Tom Reed": "GBR"}),
    # the rest of a body's name after the country, then the name
    ("The statement by the chairman of the Committee of the Chiefs of Staff of the US Armed Forces, Tom Reed, "
     "angered officials.", {"Tom Reed": "USA"}),
    # the title of a person named before it: that person's country
    ("Ukrainian President Anna Berg spoke to Xi. Berg's spokesman, Tom Reed, said on Facebook that the two "
     "leaders talked.", {"Anna Berg": "UKR", "Tom Reed": "UKR"}),
    ("Anna Berg's spokesman, Tom Reed, said the two leaders talked. Later, Polish President Anna Berg left.",
     {"Anna Berg": "POL", "Tom Reed": "POL"}),
    # a generic body word closing a longer name is that body's, not the EU's Commission
    ("Karl Lind, chair of the Atlantic Union Commission, said the deal must hold.", {"Karl Lind": ""}),
    ("Anna Berg, chair of the U.S. International Trade Commission, said tariffs would rise.", {"Anna Berg": "USA"}),
    ("Commission spokesperson Anna Berg said tariffs would rise.", {"Anna Berg": "EU"}),
    # a nuncio speaks for the Holy See, wherever he is posted
    ("The ministry summoned Apostolic Nuncio Tomas Ruvalis on Monday.", {"Tomas Ruvalis": "VAT"}),
    ("Kyiv summoned the apostolic nuncio to Ukraine, Tomas Ruvalis, on Monday.", {"Tomas Ruvalis": "VAT"}),
    # one name alone right after a title, also where the model joined it to the body before it
    ("Russia’s permanent representative to the United Nations Kaland accused Western countries of hypocrisy.",
     {"Kaland": "RUS"}),
    # a US lawmaker's party and state after the name
    ("Sen. Tom Reed, R-S.C., a national security hawk, voted no on the bill.", {"Tom Reed": "USA"}),
    ("Senator Anna Berg (D-Calif.) said the aid must pass.", {"Anna Berg": "USA"}),
    # church titles are titles, not given names
    ("Italian Cardinal Matteo Rossi met Patriarch Tom Reed of Moscow.", {"Matteo Rossi": "ITA", "Tom Reed": "RUS"}),
    # a listed name without a title of its own, followed by "of <country>"
    ("Prime Ministers Tom Reed, Anna Berg of Latvia and Karl Lind of Estonia met in Riga.",
     {"Anna Berg": "LVA", "Karl Lind": "EST"}),
    # a given name in brackets inside a quote is part of the name
    ("“We must address it, as President (Anna) Berg has said,” Tom Reed said.", {"Anna Berg": ""}),
    ("“I will take a message to [Polish] President [Anna] Berg soon,” Tom Reed said.", {"Anna Berg": "POL"}),
    # a title with a longer chain of "of" phrases before the name: its first country
    ("Later, the head of the press service of the Latvian ministry, Anna Berg, said that talks must start.",
     {"Anna Berg": "LVA"}),
    ("The spokesperson of the ministry of foreign affairs of Latvia, Tomas Ruvalis, said the talks would start.",
     {"Tomas Ruvalis": "LVA"}),
    # a ministry's portfolio of several words after the title, tagged as a body or written in lower case
    ("The new rule will take effect in July, Japan’s Minister of Economy, Trade and Industry Anna Berg said "
     "at a briefing.", {"Anna Berg": "JPN"}),
    ("“We will contribute to peace,” Japan’s minister of economy, trade and industry, Anna Berg was reported "
     "as saying at a briefing.", {"Anna Berg": "JPN"}),
    # "chief" after a body's name is the head of that body
    ("The offensive was legal, NATO chief Anna Berg told a German newspaper.", {"Anna Berg": "NATO"}),
    # a body's name of several words between the comma and the title after the name
    ("Anna Berg, the European Commission's lead spokesperson on foreign affairs, deplored the attack.",
     {"Anna Berg": "EU"}),
    # a label two listed names share
    ("He met Foreign Minister Tom Reed, Anna Berg, and Karl Lind, both deputy foreign ministers of Latvia.",
     {"Tom Reed": "", "Anna Berg": "LVA", "Karl Lind": "LVA"}),
    ("He met Anna Berg and Karl Lind, both former ministers, in Riga.", {"Anna Berg": "", "Karl Lind": ""}),
    # a portfolio of several words joined by commas and "and" before the title
    ("Japan’s Economy, Trade and Industry Minister Anna Berg told a press conference that talks go on.",
     {"Anna Berg": "JPN"}),
    ("In May, Tom Reed and the Latvian Plantation Industries and Commodities Minister Anna Berg went to Riga.",
     {"Anna Berg": "LVA", "Tom Reed": ""}),
    ("Tom Reed, Trade and Industry Minister Anna Berg said.", {"Anna Berg": ""}),
    # a commissioner or minister named by the portfolio
    ("On Monday, the EU’s competition chief Anna Berg warned that the bloc cannot build on subsidies.",
     {"Anna Berg": "EU"}),
    ("Anna Berg, Latvia's trade chief, said tariffs would rise.", {"Anna Berg": "LVA"}),
    # a UN agency or a trade body of one government named in the title by its acronym
    ("UNRWA Commissioner General Karl Lind said aid must flow.", {"Karl Lind": "UN"}),
    ("UNICEF spokesperson Anna Berg said aid must flow.", {"Anna Berg": "UN"}),
    ("Karl Lind, a MOFCOM spokesperson, said tariffs would rise.", {"Karl Lind": "CHN"}),
    ("Anna Berg, a former USTR chief, said tariffs would rise.", {"Anna Berg": "USA"}),
    # the head of the World Trade Organization speaks for it, like the EU's, NATO's or the UN's
    ("Karl Lind, the director-general of the World Trade Organization, urged members to cut duties.",
     {"Karl Lind": "WTO"}),
    ("WTO Director-General Anna Berg warned that new duties would slow growth.", {"Anna Berg": "WTO"}),
    ("Tom Reed, head of the WTO, said the talks in Geneva had stalled.", {"Tom Reed": "WTO"}),
    # words a page's layout glued together: a date and a headline's first word, an abbreviation and a title
    ("Berg claims deal July 14, 2023Turkish President Anna Berg said on Friday that talks go on.", {"Anna Berg": "TUR"}),
    ("The council backed a proposal outlined by U.S.President Tom Reed for a ceasefire.", {"Tom Reed": "USA"}),
    # two titles joined by "and" before the name: the country of the first
    ("Latvia's foreign minister and deputy prime minister Anna Berg said talks must start.", {"Anna Berg": "LVA"}),
    ("Anna Berg and Foreign Minister Tom Reed met the envoy.", {"Anna Berg": "", "Tom Reed": ""}),
    # a party of one country, as a title's modifier, in brackets or after "of"; an institution after "of"
    ("CSU chairman Karl Lind said the talks had failed.", {"Karl Lind": "DEU"}),
    ("Karl Lind (SPD) said the talks had failed.", {"Karl Lind": "DEU"}),
    ("Anna Berg, of the ruling Law and Justice party, said the talks had failed.", {"Anna Berg": "POL"}),
    ("Anna Berg of the Bundestag said the talks had failed.", {"Anna Berg": "DEU"}),
    # a party name several countries' parties share, a body of no country: nothing
    ("Karl Lind (Labour) said the talks had failed.", {"Karl Lind": ""}),
    ("Anna Berg of the Atlantic Council said the talks had failed.", {"Anna Berg": ""}),
    # an aide, official or politician of an institution or a party; a member of a parliament
    ("Kremlin aide Karl Lind said the talks had failed.", {"Karl Lind": "RUS"}),
    ("Karl Lind, a senior Kremlin official, said the talks had failed.", {"Karl Lind": "RUS"}),
    ("The SPD foreign policy politician Karl Lind said the talks had failed.", {"Karl Lind": "DEU"}),
    ("Anna Berg, a member of the Bundestag, said the talks had failed.", {"Anna Berg": "DEU"}),
    ("Karl Lind, a member of Ukraine's parliament, said the talks had failed.", {"Karl Lind": "UKR"}),
    ("A senior US official said the talks had failed. Karl Lind met Anna Berg.", {"Karl Lind": "", "Anna Berg": ""}),
    # a title at or in an institution: its country; at a place or a body one is posted to: none
    ("Anna Berg, an adviser at the Élysée, said the talks had failed.", {"Anna Berg": "FRA"}),
    ("Karl Lind, a lawmaker in the Sejm, said the talks had failed.", {"Karl Lind": "POL"}),
    ("Karl Lind, a senior fellow at the Atlantic Council in Washington, said the talks had failed.", {"Karl Lind": ""}),
    ("Karl Lind, an envoy at the UN, said the talks had failed.", {"Karl Lind": ""}),
    ("Mr Lind, a former ambassador to Moscow, will visit Riga. Karl Lind said the talks had failed.", {"Karl Lind": ""}),
    ("Karl Lind, the Latvian ambassador to Moscow, said the talks had failed.", {"Karl Lind": "LVA"}),
    # a title before the name without a country, one after it with a country
    ("Ambassador Li Wei, special representative of the Chinese government, will visit Riga.", {"Li Wei": "CHN"}),
    ("President Anna Berg, Latvian Foreign Minister Karl Lind and others met in Riga.", {"Anna Berg": "", "Karl Lind": "LVA"}),
    # a definite title before a name refers back to the one such title with a country before it
    ("The talks were held in Riga. A Chinese special envoy arrived in Riga on Friday for meetings. The envoy, Li Wei, "
     "told reporters that a ceasefire was needed.", {"Li Wei": "CHN"}),
    ("The talks were held in Riga. A Chinese envoy arrived in Riga. Later a Russian envoy came. The envoy, Li Wei, "
     "told reporters that a ceasefire was needed.", {"Li Wei": ""}),
    # a colleague, like a counterpart, of the country the demonym names
    ("Talks went on. Tom Reed will meet his Ukrainian colleague Anna Berg next week.", {"Anna Berg": "UKR"}),
    # the head of a company or fund of a country
    ("Karl Lind, CEO of Latvia's state railway company, said the talks had failed.", {"Karl Lind": "LVA"}),
    # a space the page doubled between the title and the name
    ("The talks were held in Riga. Latvian president  Anna Kalnina told reporters that the talks had failed.",
     {"Anna Kalnina": "LVA"}),
    # a country's possessive in or before a title that the model left untagged; an abbreviation in
    # brackets between the country and the title
    ("Source: a radio report with reference to Anna Berg, Head of Latvia’s Office of the President, on Telegram.",
     {"Anna Berg": "LVA"}),
    ("A paper reported that the European Union’s (EU’s) Trade Commissioner, Berg, issued a statement.",
     {"Berg": "EU"}),
    # a monarch named with the title and the regnal number; the country's possessive the model
    # joined to the name opens the title; "of <country>" after the name, not the next name's demonym
    ("Latvia’s King Harald V urged a halt to the siege.", {"King Harald V": "LVA"}),
    ("He consulted with King Harald V of Latvia and Estonian Prime Minister Tom Reed.",
     {"King Harald V": "LVA", "Tom Reed": "EST"}),
    ("He consulted with President Anna Berg of Latvia and Estonian Prime Minister Tom Reed.",
     {"Anna Berg": "LVA", "Tom Reed": "EST"}),
    # "the French President" is the French President already named, not another president
    ("French President Tom Reed met President Anna Berg. “It will not fly,” he said, blasting the French President.",
     {"Tom Reed": "FRA", "Anna Berg": ""}),
    # a title "of" a portfolio in capitals, then the name: the title's country is the name's
    ("US Deputy Secretary of Commerce Don Reeves told reporters in Seoul.", {"Don Reeves": "USA"}),
    ("Li held talks with Polish Undersecretary of State Wojciech Berg and others.", {"Wojciech Berg": "POL"}),
    # "X, <Person>'s spokesman": the country of the one X speaks for; no title, nothing
    ("The court wants to arrest Latvian President Anna Berg, Tom Reed, Berg's official spokesman told reporters.",
     {"Tom Reed": "LVA"}),
    ("Latvian President Anna Berg spoke. “No,” said Tom Reed, Anna Berg's spokesman.", {"Tom Reed": "LVA"}),
    ("Tom Reed, Anna Berg's friend, said so. Latvian President Anna Berg spoke.", {"Tom Reed": ""}),
    # a movement's title speaks for the territory the movement fights for, also beside another
    # country's title joined by "and"
    ("The warrants name Israeli Defence Minister Tom Reed and Hamas leader Omar Dal.", {"Tom Reed": "ISR", "Omar Dal": "PSE"}),
    ("Omar Dal, a senior Hamas official, told the broadcaster the offer was being studied.", {"Omar Dal": "PSE"}),
    # "FM", a headline's short form of foreign minister, is a title as "PM" is, no part of the name
    ("In a post on Monday, Latvian FM Anna Berg wrote that the sanctions must stay.", {"Anna Berg": "LVA"}),
    ("Estonian FM Tom Reed urges allies to keep sending air defence to Kyiv", {"Tom Reed": "EST"}),
    # a state's intelligence service or armed forces named before their chief, like the CIA
    ("Mossad chief Tom Reed flew to Doha for the talks.", {"Tom Reed": "ISR"}),
    ("The talks brought together Mossad director Anna Berg and two Qatari envoys.", {"Anna Berg": "ISR"}),
    ("Former IDF Chief-of-Staff Karl Lind told the radio that the raid had failed.", {"Karl Lind": "ISR"}),
    # a portfolio listed with "and" or commas between the title and the name, not a second person
    # listed after "and"; "European Affairs" in a portfolio names the portfolio, not the EU
    ("On Friday Estonian Minister of Culture, Sport and Youth Affairs Marta Kivi opened the fair.", {"Marta Kivi": "EST"}),
    ("The envoy phoned Latvian Minister of Regional and European Affairs Anna Berg after the vote.", {"Anna Berg": "LVA"}),
    ("Tom Reed, a director for European Affairs at a Canadian think tank, doubted the plan.", {"Tom Reed": ""}),
    ("Anna Berg, the prime minister of Latvia, and Tom Reed, his counterpart from Estonia, signed the pact.",
     {"Anna Berg": "LVA", "Tom Reed": "EST"}),
    # "its" or "the country's" before a title points back to the one country the sentence named
    # before it; its ambassador at the UN is that country's; another country or none before: nothing
    ("Latvia's trade office said a group of four ministers, among them the country's President Anna Berg, "
     "will visit Oslo.", {"Anna Berg": "LVA"}),
    ("Latvia will not join the race, declared the country's finance minister, Anna Berg.", {"Anna Berg": "LVA"}),
    ("The paper kept praising Latvia and its President Tom Reed.", {"Tom Reed": "LVA"}),
    ("Latvia objected, with its UN ambassador, Karl Lind, calling the vote unfair.", {"Karl Lind": "LVA"}),
    ("Estonia's envoy left, and Latvia objected, with its UN ambassador, Karl Lind, calling the vote unfair.",
     {"Karl Lind": "UN"}),
    ("Latvia backed the fund, and the Atlantic Bank and its president Anna Berg agreed.", {"Anna Berg": ""}),
    ("The talks were held in Riga. The country's President Anna Berg said talks must wait.", {"Anna Berg": ""}),
]


@pytest.mark.parametrize("text, expected", COUNTRY_SENTENCES)
def test_countries_the_text_states(nlp, text, expected):
    doc = nlp(text)
    assert {name: doc._.actors[name].country for name in expected} == expected


def test_a_movement_named_as_a_body_speaks_for_its_territory(nlp):
    doc = nlp("Hamas said on Sunday that it had received the new offer and would reply soon.")
    assert (doc._.actors["Hamas"].actor_type, doc._.actors["Hamas"].country) == ("organization", "PSE")


SPEAKER_SENTENCES = [
    # a bare "talks" speaks of the talks last named: accession talks are no peace talks, and neither
    # is the bare mention that points back to them
    ("EU leaders agreed to open accession talks with Moldova. Latvian Prime Minister Anna Berg had opposed "
     "starting talks.", []),
    ("Latvian Prime Minister Anna Berg said Moldova is not ready to start talks on EU membership, calling the "
     "decision to start talks a mistake.", []),
    ("Latvian Prime Minister Anna Berg said peace talks must start. She said talks must start now.",
     [("Anna Berg", "negotiations", "support")]),
    # lauding or commending something is praising it: a stance, like "praised" or "applauded"
    ("Latvian Foreign Minister Anna Berg lauded the bloc's readiness to tighten the sanctions on Russia.",
     [("Anna Berg", "sanctions", "support")]),
    ("Estonian Prime Minister Tom Reed commended the pledge to keep up the sanctions against Moscow.",
     [("Tom Reed", "sanctions", "support")]),
    # an earlier mention the catalog has no cue for at all is no other sense: "a negotiation"
    ("Tom Lind spoke with the Russian leader to begin a credible negotiation between Kyiv and Moscow. Latvian "
     "adviser Anna Berg said there was no point in holding negotiations.", [("Anna Berg", "negotiations", "oppose")]),
    ("Latvian Prime Minister Anna Berg said trade talks with Norway ended. She said that talks with Russia must "
     "start now.", [("Anna Berg", "negotiations", "support")]),
    # citing a reason and labelling something state a position
    ("Latvian Foreign Minister Jan Nowak cited the need for tougher sanctions on Russia.",
     [("Jan Nowak", "sanctions", "support")]),
    ("Latvian Foreign Minister Jan Nowak labelled the new sanctions on Russia essential.",
     [("Jan Nowak", "sanctions", "support")]),
    # content before the attribution, with a time or a channel after the verb
    ("Peace talks must start now, Latvian Foreign Minister Jan Nowak said on Wednesday.",
     [("Jan Nowak", "negotiations", "support")]),
    ("Peace talks must start now, Latvian Foreign Minister Jan Nowak said in a statement.",
     [("Jan Nowak", "negotiations", "support")]),
    ("Peace talks must start now, Latvian Foreign Minister Jan Nowak told the BBC in an interview.",
     [("Jan Nowak", "negotiations", "support")]),
    ("Peace talks must start now, Latvian Foreign Minister Jan Nowak told reporters on Monday.",
     [("Jan Nowak", "negotiations", "support")]),
    # a clause that only dates the attribution is not what is said
    ("Peace talks must start now, Latvian Foreign Minister Jan Nowak said Tuesday, a day after parliament voted.",
     [("Jan Nowak", "negotiations", "support")]),
    # "..., the ambassador continued.": an attribution
    ("Latvian ambassador Linda Berg spoke first. A ceasefire is essential to end the suffering, the ambassador "
     "continued.", [("Linda Berg", "ceasefire", "support")]),
    # a wire-service dateline the parser takes for a second subject
    ("UNITED\nNATIONS, May 3 (Reuters) – The United Nations General Assembly on Friday backed a proposal for a "
     "ceasefire.", [("United Nations General Assembly", "ceasefire", "support")]),
    # a second speaker in a clause of its own: what stands before it stays the first speaker's
    ("Latvian Foreign Minister Jan Nowak said peace talks must start now, while Dutch Prime Minister Tom Lind "
     "ruled out sending troops.", [("Jan Nowak", "negotiations", "support"), ("Tom Lind", "peacekeeping_troops", "oppose")]),
    ("Latvian Foreign Minister Jan Nowak backed new sanctions, and Dutch Prime Minister Tom Lind said more weapons "
     "would be sent.", [("Jan Nowak", "sanctions", "support")]),
    ("Latvia backed new sanctions on Monday, and the Netherlands ruled out sending troops.",
     [("Latvia", "sanctions", "support"), ("Netherlands", "peacekeeping_troops", "oppose")]),
    ("Peace talks must start now, according to a statement by the Latvian foreign ministry.",
     [("Latvian foreign ministry", "negotiations", "support")]),
    ("According to the head of the Latvian foreign ministry, peace talks must start now.", []),  # the head, unnamed
    # a statement issued, published or released by an actor speaks for that actor
    ("Peace talks must start now, according to a statement issued by the Latvian foreign ministry.",
     [("Latvian foreign ministry", "negotiations", "support")]),
    ("Latvian Foreign Minister Jan Nowak met Estonian envoy Tom Reed in Riga. “New sanctions on Russia are needed,” "
     "read a post published by Anna Berg, Estonian Prime Minister, on Monday.", [("Anna Berg", "sanctions", "support")]),
    ("Latvian Foreign Minister Jan Nowak met Estonian envoy Tom Reed in Riga. “Peace talks must start now,” said the "
     "statement issued by the Estonian government.", [("Estonian government", "negotiations", "support")]),
    ("Latvian Foreign Minister Jan Nowak met Estonian envoy Tom Reed in Riga. “Peace talks must start now,” the "
     "statement read.", []),
    # "According to her": the person a "she" stands for
    ("Latvian Foreign Minister Anna Berg spoke on Monday. According to her, peace talks must start now.",
     [("Anna Berg", "negotiations", "support")]),
    # "made clear that ...": reported speech, like "said that ..."
    ("Latvian Foreign Minister Jan Nowak made clear that peace talks must start now.",
     [("Jan Nowak", "negotiations", "support")]),
    ("Latvian Foreign Minister Jan Nowak made a visit to Riga.", []),
    # the source of "According to X" only reports what a subject of its own says
    ("According to the Latvian foreign ministry, steelworkers expressed concerns that new sanctions would cost jobs.", []),
    ("According to the Latvian foreign ministry, Jan Nowak said peace talks must start now.",
     [("Jan Nowak", "negotiations", "support")]),
    # “The union reaffirms ...,” the statement read: the body the quote names as its subject speaks
    ('Latvian Foreign Minister Jan Nowak issued a statement. "The European Union reaffirms its support for new '
     'sanctions," the statement read.', [("European Union", "sanctions", "support")]),
    # a scare quote without a verb continues nobody's speech
    ('Latvian Foreign Minister Jan Nowak said new sanctions are needed. The “ceasefire” in the east collapsed on '
     'Monday.', [("Jan Nowak", "sanctions", "support")]),
    # a body that only reports what a named person does: the person acts
    ("Latvian envoy Tom Reed will travel to Kyiv to follow up on the peace talks, according to a statement by the Latvian "
     "foreign ministry.", [("Tom Reed", "negotiations", "support")]),
    # a quote goes to the verb of saying, not to the act it stands beside
    ("Latvian Foreign Minister Anna Berg spoke on Monday. Latvia, she said, rejected the plan because “peace talks "
     "must start now.”", [("Anna Berg", "negotiations", "support")]),
    # "called X pointless": "call" without its particle judges what it names
    ("Latvian Foreign Minister Jan Nowak called new sanctions pointless.", [("Jan Nowak", "sanctions", "oppose")]),
    # a named person's act inside what another reports: the position is the inner person's
    ("Dutch Prime Minister Tom Lind has agreed to send more weapons to Ukraine, Latvian Foreign Minister "
     "Jan Nowak said on Wednesday.", [("Tom Lind", "military_aid", "support")]),
    # ... also when the parser gives the inner verb a dateline word as a second subject
    ("date 2024-02-11 Latvian President Anna Berg has agreed to lift sanctions, US President Tom Reed said.",
     [("Anna Berg", "sanctions", "oppose")]),
    # "the Dutch prime minister": the title's holder of that country, not the last prime minister named
    ("Dutch Prime Minister Tom Lind met Latvian Prime Minister Anna Berg on Monday. Berg said new sanctions were "
     "needed. The Dutch prime minister said peace talks must start now.",
     [("Anna Berg", "sanctions", "support"), ("Tom Lind", "negotiations", "support")]),
    # "the Dutch leader": the head of state or government of that country named before
    ("Dutch Prime Minister Tom Lind visited Riga on Monday. The Dutch leader said peace talks must start now.",
     [("Tom Lind", "negotiations", "support")]),
    ("Latvian Foreign Minister Jan Nowak said on Wednesday that peace talks must start now.",
     [("Jan Nowak", "negotiations", "support")]),
    # transcript turns: a line opening with a person's name and a colon is that person's speech
    ("Latvian Foreign Minister Jan Nowak took questions.\nReporter: Will you send tanks?\n"
     "Jan Nowak: We will keep the sanctions in place.",
     [("Jan Nowak", "sanctions", "support")]),
    ("Jan Nowak met Tom Lind.\nNote: sanctions were not discussed.", []),
    # ... also with a description of the speaker after the name, never with a verb in it
    ("Jan Nowak spoke first.\nJan Nowak, Permanent Representative of Latvia to the United Nations: The council "
     "should encourage dialogue between the parties.", [("Jan Nowak", "negotiations", "support")]),
    ("Jan Nowak met Tom Lind.\nJan Nowak, who chaired the meeting on peace talks: no comment.", []),
    # a person's proposal is that person's position; another speaker takes it only by judging it
    ("Latvian Foreign Minister Jan Nowak responded on Monday to Dutch Prime Minister Tom Lind's threat to "
     "stop the weapons deliveries.", [("Tom Lind", "military_aid", "oppose")]),
    # the text's own "his"/"her" after a person's name outweighs what the first name usually is
    ("Italian Foreign Minister Andrea Conti spoke at his weekly briefing on Monday. He said peace talks must start now.",
     [("Andrea Conti", "negotiations", "support")]),
    ("Italian Foreign Minister Andrea Conti thanked Latvian envoy Tom Reed for his help. He said peace talks must "
     "start now.", [("Tom Reed", "negotiations", "support")]),
    # a family name written first ("Kim" for "Kim Sung") is that person
    ("Trade Minister Kim Sung met Anna Berg on Monday. Kim said peace talks must start now.",
     [("Kim Sung", "negotiations", "support")]),
    # declining to act is an act, and goes against what is declined
    ("Brazilian President Anna Berg has declined to provide Ukraine with ammunition.",
     [("Anna Berg", "military_aid", "oppose")]),
    # approving, allowing, permitting are acts; a cue that opens with the act's verb counts
    ("President Tom Reed approved the delivery of tanks to Ukraine.", [("Tom Reed", "military_aid", "support")]),
    ("President Tom Reed has allowed Kyiv to strike targets inside Russia.", [("Tom Reed", "military_aid", "support")]),
    ("Prime Minister Anna Berg will not allow new sanctions on Russian gas.", [("Anna Berg", "sanctions", "oppose")]),
    # ", with X also saying ...": the participle's own speaker, also for the quote it ends with;
    # "met with X, calling for ...": the object of "met" is no speaker
    ("Anna Berg said Estonia would not be sending troops, with her counterpart in Latvia, Tom Reed, also "
     "saying his government “certainly doesn’t want to send its soldiers.”",
     [("Anna Berg", "peacekeeping_troops", "oppose"), ("Tom Reed", "peacekeeping_troops", "oppose")]),
    ("On Monday, Anna Berg visited Riga and met with Latvian leader Tom Reed, calling for a ceasefire.",
     [("Anna Berg", "ceasefire", "support")]),
    # "the latter" / "the former" as a subject: the second / first of two people named before;
    # requesting is an act
    ("Anna Berg held talks with Tom Reed at the palace, during which the latter promised to send more tanks "
     "to Ukraine.", [("Tom Reed", "military_aid", "support")]),
    ("Anna Berg met Tom Reed on Monday. The former said sanctions must stay.", [("Anna Berg", "sanctions", "support")]),
    ("Latvian Foreign Minister Jan Nowak requested more air defence systems for Ukraine.",
     [("Jan Nowak", "military_aid", "support")]),
    # joining a declaration or calls is taking their position; joining an alliance is not
    ("Estonia and Latvia have joined the declaration on security guarantees for Ukraine.",
     [("Estonia", "security_guarantees", "support"), ("Latvia", "security_guarantees", "support")]),
    ("Finland joined NATO in April.", []),
    # a country's proposal is that country's position, unless it is the speaker's own country
    ("The Kremlin on Monday acknowledged China's proposal for a political solution but said the time was not right.",
     [("China", "negotiations", "support")]),
    ("Russian President Tom Reed said any deal should acknowledge Russia's demands, including that Kyiv renounce "
     "joining NATO.", [("Tom Reed", "nato_membership", "oppose")]),
    # signing an agreement is an act that states the agreement's position
    ("British Prime Minister Anna Berg signed a ten-year security agreement with Ukraine on Friday.",
     [("Anna Berg", "security_guarantees", "support")]),
    # the model tagging one word of a person's name as an organization: still that person
    ("Foreign Minister Wang Jun met Anna Berg on Monday. Berg and Wang agreed to hold peace talks.",
     [("Anna Berg", "negotiations", "support"), ("Wang Jun", "negotiations", "support")]),
    # a newspaper quoting someone "as saying": the one quoted speaks
    ("“It is better to negotiate peace than to fight,” the Daily Courier quoted Prime Minister Anna Berg as saying "
     "during a speech in Brussels.", [("Anna Berg", "negotiations", "support")]),
    # a speech verb after a preposition belongs to the main clause's subject
    ("Prime Minister Anna Berg led the effort on Friday by calling for more sanctions on Russia.",
     [("Anna Berg", "sanctions", "support")]),
    # "indicated that" reports what the subject holds
    ("Prime Minister Tom Reed had indicated that sanctions must stay.", [("Tom Reed", "sanctions", "support")]),
    # "pointed out that" reports what the subject holds
    ("Latvian Foreign Minister Jan Nowak pointed out that sanctions must stay.", [("Jan Nowak", "sanctions", "support")]),
    # a news outlet reports a position, it holds none
    ("The Evening Post, which first reported the news, said more weapons would be sent to Ukraine.", []),
    # a title-case headline the model tags as an organization is no actor
    ("Dutch PM Lind Confirms the Netherlands Will Send Ukraine More Tanks\n\nThe talks went on.", []),
    ("Latvian Foreign Minister Jan Nowak rejected Dutch Prime Minister Tom Lind's call for peace talks.",
     [("Jan Nowak", "negotiations", "oppose"), ("Tom Lind", "negotiations", "support")]),
    # a peace mission (or peace efforts) is a push for talks; another leader's mission is that leader's
    ("Latvian Prime Minister Jan Nowak asked the other leaders to back his peace mission between the two capitals.",
     [("Jan Nowak", "negotiations", "support")]),
    ("Dutch Foreign Minister Tom Lind said the peace efforts of the region must go on.",
     [("Tom Lind", "negotiations", "support")]),
    ("Dutch Foreign Minister Tom Lind said Anna Berg's peace mission had achieved nothing.",
     [("Anna Berg", "negotiations", "support")]),
    # a decision or move the speaker reacts to is told in the speaker's words: the speaker's stance only
    ("Latvian Foreign Minister Jan Nowak criticised Sweden's decision to send more tanks to Ukraine.",
     [("Jan Nowak", "military_aid", "oppose")]),
    ("Prime Minister Anna Berg condemned Sweden's move to send more tanks to Ukraine.",
     [("Anna Berg", "military_aid", "oppose")]),
    # a statement a speaker issues speaks for them
    ("Latvian Foreign Minister Jan Nowak issued a statement calling for peace talks.",
     [("Jan Nowak", "negotiations", "support")]),
    ("The Latvian government released a statement rejecting calls for peace talks.",
     [("Latvian government", "negotiations", "oppose")]),
    # drawing up a plan or a list states what it holds; producing goods or a passive draft does not
    ("Prime Minister Tom Lind produced a plan for a withdrawal of all Russian troops from the occupied regions.",
     [("Tom Lind", "territorial_integrity", "support")]),
    ("The Latvian government drew up a list of goods that would face sanctions on Russia.",
     [("Latvian government", "sanctions", "support")]),
    ("Tom Lind put forward a proposal to send more tanks to Ukraine.", [("Tom Lind", "military_aid", "support")]),
    ("Latvian Prime Minister Tom Lind toured a factory that will produce more shells for Ukraine.", []),
    # a country's office speaks for its government
    ("Latvia's presidential office said peace talks must start now.",
     [("Latvia's presidential office", "negotiations", "support")]),
    ("The Office of the United States Trade Representative said sanctions must stay.",
     [("Office of the United States Trade Representative", "sanctions", "support")]),
    # rejecting a suggestion rejects what is suggested
    ("Latvian Foreign Minister Jan Nowak rejected any suggestion that Ukraine should give up Crimea.",
     [("Jan Nowak", "territorial_integrity", "support")]),
    # an act that states a position: imposing a measure, approving a package
    ("Latvian Prime Minister Jan Nowak imposed new sanctions on Russia on Monday.",
     [("Jan Nowak", "sanctions", "support")]),
    ("The Latvian government approved a new package of weapons for Ukraine on Monday.",
     [("Latvian government", "military_aid", "support")]),
    # a step only called possible is no act taken: a modal of possibility, or an adjective of likelihood
    ("Latvia might opt to impose new sanctions on Russia next year.", []),
    ("It is possible that Latvian President Anna Berg would approve a new package of weapons for Ukraine.", []),
    # "Ambassador to the U.N. X": the name hung under the body the envoy is sent to is the envoy
    ("Dutch Ambassador Tom Lind spoke first. “A ceasefire must come now,” Latvian Ambassador to the U.N. "
     "Anna Berg told the council.", [("Anna Berg", "ceasefire", "support")]),
    # a state of commitment or support the subject holds states a position with no verb of saying
    ("The Latvian government remains committed to tightening sanctions on Russia.",
     [("Latvian government", "sanctions", "support")]),
    ("Latvia, which is not a member of the EU, is a staunch supporter of sanctions on Russia.",
     [("Latvia", "sanctions", "support")]),
    ("Anna Berg is a staunch supporter of sanctions on Russia.", [("Anna Berg", "sanctions", "support")]),
    # counted among those who hold the state: "among the ... supporters of", "one of the ... cheerleaders for"
    ("Estonia was among the firmest supporters of new sanctions on Russia.", [("Estonia", "sanctions", "support")]),
    ("Senator Mara Quell has been one of the loudest cheerleaders for peace talks.",
     [("Mara Quell", "negotiations", "support")]),
    ("Estonia was among the first hosts of the peace talks.", []),
    # a conviction held, after "be", with the clause held: the subject asserts the clause
    ("Estonia has been clear it will keep its sanctions on Russia in place.", [("Estonia", "sanctions", "support")]),
    ("Latvian Foreign Minister Jan Nowak was adamant that peace talks must start soon.",
     [("Jan Nowak", "negotiations", "support")]),
    ("Peace talks must start soon, Latvian Foreign Minister Jan Nowak is sure.", [("Jan Nowak", "negotiations", "support")]),
    ("It is clear that new sanctions on Russia will follow.", []),
    ("Latvian Foreign Minister Jan Nowak was not sure whether peace talks would start soon.", []),
    # a resolution's author, after "by" or as a country before the noun, holds its position
    ("Latvian Foreign Minister Jan Nowak rejected the resolution drafted by Sweden that called for a ceasefire.",
     [("Jan Nowak", "ceasefire", "oppose"), ("Sweden", "ceasefire", "support")]),
    ("Latvian Foreign Minister Jan Nowak rejected the Swedish resolution that called for a ceasefire.",
     [("Jan Nowak", "ceasefire", "oppose"), ("Sweden", "ceasefire", "support")]),
    # a vote is an act with a stance; "Alongside X, Y and Z voted": the parser hangs the whole list on
    # the preposition, and every country listed votes
    ("Alongside Latvia, Estonia, Lithuania and Poland voted for new sanctions on Russia.",
     [("Estonia", "sanctions", "support"), ("Latvia", "sanctions", "support"), ("Lithuania", "sanctions", "support"),
      ("Poland", "sanctions", "support")]),
    # a vote cast on a text named again takes what the text asks for, from the sentence that told it:
    # for it that stance, against it the other; a group after "by" names its members after "including"
    ("The assembly in Lisbon on Friday adopted a resolution urging an immediate ceasefire in Ukraine. Chile voted "
     "against the resolution.", [("Chile", "ceasefire", "oppose")]),
    ("The assembly in Lisbon on Friday adopted a resolution urging an immediate ceasefire in Ukraine. The resolution "
     "was backed by forty states, including Chile and Ghana.",
     [("Chile", "ceasefire", "support"), ("Ghana", "ceasefire", "support")]),
    ("In a text passed on Friday, the assembly in Lisbon called for an end to arms deliveries to Ukraine. Peru "
     "rejected the text.", [("Peru", "military_aid", "support")]),
    ("The assembly in Lisbon on Friday adopted a resolution urging an immediate ceasefire in Ukraine. Chile voted "
     "on the resolution.", []),
    # with no text told before, a vote on it takes nothing from what was said in between
    ("Peace talks must start soon, said Tom Reed. Chile voted against the resolution.",
     [("Tom Reed", "negotiations", "support")]),
    # a body's short name after its full name is the same body
    ("The Nordic Defence Council on Monday called for a ceasefire. On Tuesday the Defence Council backed new "
     "sanctions on Russia.", [("Nordic Defence Council", "ceasefire", "support"),
                             ("Nordic Defence Council", "sanctions", "support")]),
    # the author after a participle proposes what stays inside the noun phrase; what the rest of the
    # sentence says of the plan is not the author's
    ("The plan proposed by Latvian Foreign Minister Jan Nowak to start peace talks now won wide support.",
     [("Jan Nowak", "negotiations", "support")]),
    ("Amendments proposed by Latvia would have removed the call for a ceasefire, but were defeated.", []),
    # "the General Council Chair" is a title, not a name: the one person an apposition gave that title
    ("Ambassador Anna Berg of Norway, the General Council Chair, opened the meeting. The General Council Chair "
     "stressed that peace talks must start now.", [("Anna Berg", "negotiations", "support")]),
]


SPEAKER_SENTENCES += [
    # a surname written without the accents of the full name is the same person
    ("Croatian Foreign Minister Ana Kovačević arrived in Zagreb on Monday. Kovacevic said peace talks must start now.",
     [("Ana Kovačević", "negotiations", "support")]),
    # a full name the model missed, with its surname tagged alone elsewhere: a known first name joins it
    ("Defence Minister Kravets arrived in Vienna on Monday. The two delegations sat down together: Sergey Kravets "
     "and Dmytro Lindqvist met at the hotel. Kravets later said that peace talks must continue.",
     [("Sergey Kravets", "negotiations", "support")]),
    # a spokesman's quote that opens with his principal's title and a verb of speech relays the principal's words
    ("Austrian Chancellor Karl Brenner met the Polish president on Friday. “The chancellor asked Moscow to pull back "
     "its forces and promised that Austria will keep sending weapons to Ukraine,” government spokesman Tom Reed said.",
     [("Karl Brenner", "military_aid", "support"), ("Tom Reed", "military_aid", "support")]),
    # answering another's request: what is asked for is the asker's position
    ("Kremlin spokesman Tom Reed responded to a request by Anna Berg, the Latvian president, for a peace deal that "
     "would begin with a full Russian withdrawal from Ukraine.", [("Anna Berg", "negotiations", "support")]),
    # welcoming another's decision: the content is the decider's and, by welcoming it, the speaker's
    ("“I welcome the bold decision by Senator Tom Reed to send urgent military aid to Ukraine,” said Prime "
     "Minister Lena Dahl.", [("Lena Dahl", "military_aid", "support"), ("Tom Reed", "military_aid", "support")]),
    # a title with its holder in apposition, and a second holder listed with it
    ("EU Commission President, Anna Berg and European Council President Tom Reyes unveiled the 12th package of "
     "sanctions against Russia.", [("Anna Berg", "sanctions", "support"), ("Tom Reyes", "sanctions", "support")]),
    # a list of leaders as the subject: the parser hangs the second name on the first as an apposition
    ('On Tuesday, President Tom Reed, Anna Berg, Paul Weber, Karl Lind, and John Smith agreed to continue "increasing '
     'the costs for Russia" for the war.',
     [("Anna Berg", "sanctions", "support"), ("John Smith", "sanctions", "support"),
      ("Karl Lind", "sanctions", "support"), ("Paul Weber", "sanctions", "support"),
      ("Tom Reed", "sanctions", "support")]),
    # "the Ukrainian president" with two presidents of no stated country named: no one in particular
    ("President Putov met President Zelenko in Geneva. The Ukrainian president said peace talks must start.", []),
    # verbs of answering back attribute a quote like "said"
    ("“We will never give up our land,” Anna Berg retorted.", [("Anna Berg", "territorial_integrity", "support")]),
    # a headline or transcript turn "Title Name: words": the title before the name is no second speaker
    ("President Tom Reyes: “We will send more weapons to Ukraine”\n\nThe president spoke in Warsaw on Tuesday.",
     [("Tom Reyes", "military_aid", "support")]),
    ("Latvia's foreign minister Anna Berg: Sanctions on Russia must stay\n\nShe spoke on Tuesday.",
     [("Anna Berg", "sanctions", "support")]),
    # an unnamed envoy speaks for the country the noun names; a named one of that country is that person
    ("Argentina's delegate said peace talks must start.", [("Argentina", "negotiations", "support")]),
    ("The representative of Norway said peace talks must start.", [("Norway", "negotiations", "support")]),
    ("Ambassador Anna Berg of Norway spoke first. Norway's ambassador said peace talks must start.",
     [("Anna Berg", "negotiations", "support")]),
    # "A of X, B of Y and C of Z": the parser hangs C on the place Z; C is one more member of the list
    ("Foreign Ministers Anna Berg of Latvia, Tom Reed of Estonia and Karl Lind of Lithuania said peace talks must "
     "start now.",
     [("Anna Berg", "negotiations", "support"), ("Karl Lind", "negotiations", "support"),
      ("Tom Reed", "negotiations", "support")]),
    # those the speaker joins with speak too ("the leaders of" countries: their heads the article names),
    # and a plural pronoun after them stands for all of them
    ("Latvian Prime Minister Tom Reed met Estonian Prime Minister Karl Lind on Monday. Polish President Anna Berg "
     "has joined with the leaders of Latvia and Estonia to call for new sanctions. They say peace talks must start now.",
     [("Anna Berg", "negotiations", "support"), ("Anna Berg", "sanctions", "support"),
      ("Karl Lind", "negotiations", "support"), ("Karl Lind", "sanctions", "support"),
      ("Tom Reed", "negotiations", "support"), ("Tom Reed", "sanctions", "support")]),
    # "and 16 other world leaders": a group of no one country, also when the list starts with an apposition
    ("Latvian President Tom Reed and 16 other world leaders urged Moscow to agree to peace talks.",
     [("Tom Reed", "negotiations", "support"), ("world leaders", "negotiations", "support")]),
    ("On Tuesday, President Tom Reed, Anna Berg and 16 other world leaders called for peace talks.",
     [("Anna Berg", "negotiations", "support"), ("Tom Reed", "negotiations", "support"),
      ("world leaders", "negotiations", "support")]),
    # leaders named by a list of peoples of no one country are that group, wherever they meet
    ("African and Asian leaders in Nairobi called for peace talks.",
     [("African and Asian leaders", "negotiations", "support")]),
    # two blocs joined before one group noun are one group (the parser hangs the noun on the first
    # bloc); a person or a country before the "and" stays an actor of its own
    ("At their joint summit, the African Union and ECOWAS leaders agreed that peace talks should begin soon.",
     [("African Union and ECOWAS leaders", "negotiations", "support")]),
    ("The OSCE and NATO officials said peace talks must begin soon.",
     [("OSCE and NATO officials", "negotiations", "support")]),
    ("Tom Reed and EU leaders agreed that peace talks should begin soon.",
     [("EU leaders", "negotiations", "support"), ("Tom Reed", "negotiations", "support")]),
    # a bare title looks back or to the name in its own sentence, not to a title holder named further down
    ('"Peace talks must start now," the Foreign Minister announced in a post by Anna Berg. Estonian Foreign Minister '
     'Tom Reed said new sanctions are needed.',
     [("Anna Berg", "negotiations", "support"), ("Tom Reed", "sanctions", "support")]),
    # a plural title before a list is no part of the first name
    ("Latvian Foreign Minister Jan Nowak spoke first. Foreign Ministers Nowak, Tom Reed of Estonia and Karl Lind of "
     "Lithuania said peace talks must start now.",
     [("Jan Nowak", "negotiations", "support"), ("Karl Lind", "negotiations", "support"),
      ("Tom Reed", "negotiations", "support")]),
    # an outlet that reports someone "as saying" only relays: the one reported speaks
    ("On Monday, the Riga Courier reported Latvian Foreign Minister Jan Nowak as saying peace talks must start now.",
     [("Jan Nowak", "negotiations", "support")]),
    # a proposal owned by the agent after "by": its content is the agent's, the reply is the speaker's
    ("Kremlin spokesman Tom Reed dismissed a call by Anna Berg for a ceasefire.",
     [("Anna Berg", "ceasefire", "support"), ("Tom Reed", "ceasefire", "oppose")]),
    ("Kremlin spokesman Tom Reed responded to a request by Ukrainian President Anna Berg for more military equipment.",
     [("Anna Berg", "military_aid", "support")]),
    # a person's proposal noun outside any speech act still states the owner's position, read inside
    # the noun phrase ("was rejected by Moscow" is Moscow's judgement); "Y's peace plan" only names a plan
    ("Latvian President Anna Berg's call for peace talks was rejected by Moscow.",
     [("Anna Berg", "negotiations", "support")]),
    ("Latvian President Anna Berg's opposition to sending tanks to Ukraine angered Kyiv.",
     [("Anna Berg", "military_aid", "oppose")]),
    ("Ukrainian President Anna Berg's peace plan won wide support in Riga.", []),
    # a "his"/"her" owner is the nearest person named before it whose first name does not say otherwise
    ("The summit comes at a dire time for Ukrainian President Karl Lind, straight off a trip to Washington where "
     "his pleas for more weapons fell on deaf ears.", [("Karl Lind", "military_aid", "support")]),
    ("The summit comes at a dire time for Ukrainian President Anna Berg, straight off a trip to Washington where "
     "his pleas for more weapons fell on deaf ears.", []),
    # echoing the speech act just before takes its position: "similar statements were made by", "echoed
    # his words", "agreed"; a content of its own is read as such, and an echo three sentences on is nobody's
    ("Estonian Prime Minister Karl Lind said new sanctions on Russia are needed. Similar statements were also made "
     "by Latvian Prime Minister Anna Berg and Lithuanian Prime Minister Tom Reed.",
     [("Anna Berg", "sanctions", "support"), ("Karl Lind", "sanctions", "support"), ("Tom Reed", "sanctions", "support")]),
    ("“New sanctions on Russia are needed,” Estonian Prime Minister Karl Lind said. Latvian Prime Minister Anna Berg "
     "echoed his words.", [("Anna Berg", "sanctions", "support"), ("Karl Lind", "sanctions", "support")]),
    ("Estonian Prime Minister Karl Lind said new sanctions on Russia are needed. Latvian Prime Minister Anna Berg "
     "agreed to send tanks to Ukraine.", [("Anna Berg", "military_aid", "support"), ("Karl Lind", "sanctions", "support")]),
    ("Estonian Prime Minister Karl Lind said new sanctions on Russia are needed. He met Latvian Prime Minister Anna "
     "Berg on Monday. The weather was fine in Riga. Berg agreed.", [("Karl Lind", "sanctions", "support")]),
    # a verb of little meaning with a noun of asking or promising speaks like the noun's verb; without
    # the noun's content ("made a phone call to ... about") it says nothing
    ("Latvian President Anna Berg made a compelling plea for air defence systems at a conference in Riga.",
     [("Anna Berg", "military_aid", "support")]),
    ("Latvian President Anna Berg renewed her call for a ceasefire on Monday.", [("Anna Berg", "ceasefire", "support")]),
    ("Latvian President Anna Berg made a phone call to the Russian president on Monday about peace talks.", []),
    # a verb of containing whose subject is a named person's plan states the owner's proposal; an
    # ownerless plan is nobody's
    ("Ukrainian President Anna Berg's peace formula includes the withdrawal of Russian troops from Ukraine.",
     [("Anna Berg", "territorial_integrity", "support")]),
    ("The plan of Latvian President Anna Berg envisages new sanctions on Russia.", [("Anna Berg", "sanctions", "support")]),
    ("The plan includes new sanctions on Russia.", []),
    # a speech verb in an adverbial clause after the main one ("after", "when", "while") has a speaker
    # of its own, a country too
    ("Latvian President Anna Berg said new sanctions are needed, after Russia warned against sending tanks to Ukraine.",
     [("Anna Berg", "sanctions", "support"), ("Russia", "military_aid", "oppose")]),
    # a speech verb in a clause fronted by "while": the main clause after it is not the speaker's
    ("While Anna Berg insisted that Russia must pay for rebuilding Ukraine, a document showed that the European "
     "Union cannot legally confiscate frozen Russian assets.", []),
    # the act one is accused of is not the accuser's stance; a verb of saying there is the accused's word
    ("Latvian Foreign Minister Anna Berg accused Germany of supplying weapons to Ukraine.", []),
    # ... but an act that turns its object around is blamed for it: the accuser wants what is
    # rejected or blocked (analysis.stance turns the reversal back)
    ("Latvian Foreign Minister Anna Berg accused Russia of rejecting a ceasefire.", [("Anna Berg", "ceasefire", "support")]),
    ("Latvian Foreign Minister Anna Berg accused Russia of blocking the peace talks.",
     [("Anna Berg", "negotiations", "support")]),
    ("Latvian Foreign Minister Anna Berg slammed Tom Reed for suggesting that Ukraine should cede territory.",
     [("Tom Reed", "territorial_integrity", "oppose")]),
    # ... and an act one is thanked or praised for is one the speaker backs
    ("Latvian Foreign Minister Anna Berg thanked Germany for supplying weapons to Ukraine.",
     [("Anna Berg", "military_aid", "support")]),
    ("Latvian President Anna Berg on Friday praised Estonia for sending tanks to Ukraine.",
     [("Anna Berg", "military_aid", "support")]),
    # ... while a main clause with a speech verb and a speaker of its own is that speaker's statement
    ("While Latvian President Anna Berg insisted that peace talks must start, Tom Reed ruled out a ceasefire.",
     [("Anna Berg", "negotiations", "support"), ("Tom Reed", "ceasefire", "oppose")]),
    ("While Anna Berg called for peace talks, Estonian Foreign Minister Tom Reed said new sanctions were needed.",
     [("Anna Berg", "negotiations", "support"), ("Tom Reed", "sanctions", "support")]),
    # not joining others in an act is not taking it; a coordinated refusal keeps its own reading
    ("Latvia has not joined its neighbours in imposing sanctions on Russia and has refused requests to supply "
     "ammunition to Ukraine.", [("Latvia", "military_aid", "oppose"), ("Latvia", "sanctions", "oppose")]),
    # "reaffirmed" states a position; "the military alliance" is the alliance
    ("Latvian Foreign Minister Jan Nowak reaffirmed that Kyiv would one day join the military alliance.",
     [("Jan Nowak", "nato_membership", "support")]),
    # what others are said to be ready for describes them; the speaker's own readiness is a stance
    ("Latvian Foreign Minister Jan Nowak said neither Ukraine nor Russia was currently ready for territorial "
     "concessions.", []),
    ("Latvian Foreign Minister Jan Nowak said Latvia was ready for talks.", [("Jan Nowak", "negotiations", "support")]),
    # what a third party does inside the speaker's quote is its act, but what it must or should do is
    # the speaker's demand
    ("\"The allies must impose new sanctions on Russia,\" Latvian President Anna Berg said.",
     [("Anna Berg", "sanctions", "support")]),
    ("\"The allies imposed new sanctions on Russia,\" Latvian President Anna Berg said.", []),
    # a voice the speaker mimics or cites in a quote inside the quote is not the speaker's; a quoted term is
    ("\"That would be a false exit, by which I mean, ‘Oh, let’s have a ceasefire, let’s just freeze things,’ and then "
     "they attack again,\" said Latvian Foreign Minister Jan Nowak.", []),
    ("\"Their offer is in the style of ‘we are ready for peace talks if Kyiv gives in,’\" said Latvian Foreign "
     "Minister Jan Nowak.", []),
    ("\"We want a ceasefire, not a ‘pause’,\" said Latvian Foreign Minister Jan Nowak.",
     [("Jan Nowak", "ceasefire", "support")]),
    # a quoted fragment continues the clause before it: its negator reaches into the quote
    ("Latvian Foreign Minister Jan Nowak told the BBC his nation would never “compromise on its sovereignty.”",
     [("Jan Nowak", "territorial_integrity", "support")]),
    ("Latvian Foreign Minister Jan Nowak said his government would not “send troops to Ukraine.”",
     [("Jan Nowak", "peacekeeping_troops", "oppose")]),
    ("Latvian Foreign Minister Jan Nowak said: “We will send troops to Ukraine.”",
     [("Jan Nowak", "peacekeeping_troops", "support")]),
    # a headline's list joined by commas alone: every name in it speaks, not only the last
    ("Latvia, Estonia say sanctions must stay\n\nThe two countries spoke on Monday.",
     [("Estonia", "sanctions", "support"), ("Latvia", "sanctions", "support")]),
    ("Latvia, Estonia, Lithuania say sanctions must stay\n\nThe three countries spoke on Monday.",
     [("Estonia", "sanctions", "support"), ("Latvia", "sanctions", "support"), ("Lithuania", "sanctions", "support")]),
    # a dateline or a time before the comma is no speaker
    ("RIGA, Estonia said on Monday that sanctions must stay.", [("Estonia", "sanctions", "support")]),
    # ... nor is a dateline in any case before a colon or a dash, with a country or a date after a comma, in
    # brackets or with a news agency: the subject after it speaks, else no one
    ("Riga, March 3: Latvian Prime Minister Anna Berg called for new sanctions on Russia.",
     [("Anna Berg", "sanctions", "support")]),
    ("[Latvia], May 2: Latvian President Anna Berg on Thursday told her counterpart that she would urge other "
     "states to back peace talks.", [("Anna Berg", "negotiations", "support")]),
    ("Latvia: Officials gathered in Riga have backed a ceasefire.", []),
    ("NORTH HAVEN (AP) — The U.N. Security Council adopted a resolution on Friday calling for a ceasefire.",
     [("U.N. Security Council", "ceasefire", "support")]),
    ("On Monday, Estonia said that sanctions must stay.", [("Estonia", "sanctions", "support")]),
    ("Midway through August, the Latvian government stated that sanctions must stay.",
     [("Latvian government", "sanctions", "support")]),
    # the speaker reports what she and another agreed: the other one holds it too
    ("Latvian President Anna Berg said she and Tom Reed had agreed to push for a ceasefire.",
     [("Anna Berg", "ceasefire", "support"), ("Tom Reed", "ceasefire", "support")]),
    ("Latvian President Anna Berg spoke on Monday, saying she and Tom Reed had agreed to push for a ceasefire.",
     [("Anna Berg", "ceasefire", "support"), ("Tom Reed", "ceasefire", "support")]),
    # "called to" with an act is "called for" the act; a phone call made for a chat, with an object, or a
    # summons is none
    ("Latvian President Anna Berg called to continue supporting Ukraine.", [("Anna Berg", "military_aid", "support")]),
    ("Latvian President Anna Berg called to strengthen sanctions against Russia.", [("Anna Berg", "sanctions", "support")]),
    # aid raised or needed, without an arms noun: military aid; raised humanitarian aid is none
    ("Latvian President Anna Berg said the allies must step up their support.", [("Anna Berg", "military_aid", "support")]),
    ("Latvian President Anna Berg said Europe should increase its assistance.", [("Anna Berg", "military_aid", "support")]),
    ("Latvian President Anna Berg said Kyiv urgently needs more assistance.", [("Anna Berg", "military_aid", "support")]),
    ("Latvian President Anna Berg said donors must step up humanitarian aid.", []),
    ("Latvian President Anna Berg called to congratulate Tom Reed on the peace talks.", []),
    ("Latvian President Anna Berg called Tom Reed to discuss peace talks.", []),
    ("Latvian President Anna Berg was called to testify about the sanctions.", []),
    # "according to X" inside a quote is the speaker citing X: the speaker holds the claim
    ("“According to the UN, we want a ceasefire now”, underlines Tom Reed.",
     [("Tom Reed", "ceasefire", "support")]),
    # a quote over several paragraphs (each one but the last left open) is the speaker's throughout:
    # the "I" of a middle paragraph is not the person named in it
    ("Latvian Foreign Minister Anna Berg met Tom Reed on Monday.\n\n“We spoke for an hour,” she said.\n\n"
     "“Tom Reed confirmed that the talks are on track. I told him that new sanctions on Russia are needed.\n\n"
     "“I achieved what I came for.”", [("Anna Berg", "sanctions", "support")]),
    # "made the pledge", "made these remarks": a definite statement noun without a content of its own
    # names the speech act just before, which its subject speaks too
    ("Latvia said it will send new weapons to Ukraine. Foreign Minister Anna Berg made the pledge at a "
     "conference in Riga, where host Tom Reed opened a new museum.",
     [("Anna Berg", "military_aid", "support"), ("Latvia", "military_aid", "support")]),
    # an epithet: "the Italian", "the Dutchman" alone stands for the nearest person of that country
    ("Italian Prime Minister Anna Berga spoke in Rome on Monday. The Italian said peace talks must start now.",
     [("Anna Berga", "negotiations", "support")]),
    ("Dutch Prime Minister Tom Lind spoke on Monday. “We need peace talks now,” the Dutchman said.",
     [("Tom Lind", "negotiations", "support")]),
    # "they" right after a sentence whose subject joins two named people: those people
    ("Latvian President Anna Berg and Dutch Prime Minister Karl Weber met in Riga on Monday. They said peace talks "
     "must start now.", [("Anna Berg", "negotiations", "support"), ("Karl Weber", "negotiations", "support")]),
    # unnamed sources that report what a government does: the government holds the position
    ("Russia will reject peace talks, two Latvian diplomats said.", [("Russia", "negotiations", "oppose")]),
    ("Latvian officials said Russia had rejected peace talks.", [("Russia", "negotiations", "oppose")]),
    # "it" as the subject of a verb of saying: the body that spoke in the sentence just before
    ("The Latvian foreign ministry said peace talks must start. It also called for a ceasefire.",
     [("Latvian foreign ministry", "ceasefire", "support"), ("Latvian foreign ministry", "negotiations", "support")]),
    ("The Latvian foreign ministry said peace talks must start. A report was published on Monday. It called for a "
     "ceasefire.", [("Latvian foreign ministry", "negotiations", "support")]),
    # a sentence with no verb of saying that says what must be done goes on with the words of the
    # speaker just before, in the same paragraph only
    ("Latvian Foreign Minister Anna Berg met Tom Reed in Riga. She said the meeting had been useful. A ceasefire "
     "is necessary now.", [("Anna Berg", "ceasefire", "support")]),
    ("Latvian Foreign Minister Anna Berg met Tom Reed in Riga. She said the meeting had been useful. Peace talks "
     "must resume soon.", [("Anna Berg", "negotiations", "support")]),
    ("Latvian Foreign Minister Anna Berg said the meeting had been useful.\n\nA ceasefire is necessary now.", []),
    ("Latvian Foreign Minister Anna Berg arrived in Riga on Monday. A ceasefire is necessary now.", []),
    # "he"/"she" in a clause under a verb whose subject is a person named before it in the sentence:
    # that person, not the subject of the sentence before
    ("Latvian President Tom Reed spoke on Monday. Foreign Minister Karl Weber surprised everyone when he called "
     "for a ceasefire.", [("Karl Weber", "ceasefire", "support")]),
    ("Latvian President Tom Reed spoke on Monday. Foreign Minister Karl Weber has made clear he wants peace talks "
     "now.", [("Karl Weber", "negotiations", "support")]),
    # a verb of pointing states the speaker's stance, also as a participle going on from a verb of
    # saying; as a participle after any other verb it says what the event shows
    ("Latvian Foreign Minister Anna Berg highlighted the need for an immediate ceasefire.",
     [("Anna Berg", "ceasefire", "support")]),
    ("The Latvian Green Party stood apart from the government, highlighting the need for an immediate ceasefire.",
     []),
    # a verb of saying going on from a verb of another kind with the same subject: what that verb
    # acts on is the speaker's too; a clause inside it tells of the event, and a speaker named
    # only beside the act ("with X urging ...") does not own it
    ("Latvian Foreign Minister Anna Berg prioritizes a complete ceasefire in the region, stating that the "
     "shelling of towns is a crime.", [("Anna Berg", "ceasefire", "support")]),
    ("Latvian Foreign Minister Anna Berg also reinforced the call for a ceasefire and indicated that the grain "
     "deliveries might not be enough.", [("Anna Berg", "ceasefire", "support")]),
    ("Latvian President Tom Reed blamed the deaths on crowds that surrounded the aid convoy, saying the victims had "
     "been trampled.", []),
    # a verb of saying in a relative clause with a subject of its own speaks of the noun the clause
    # hangs on; a clause of place or time ("where ...") does not
    ("An oil price cap would add to the pressure from sanctions, which Latvian Foreign Minister Anna Berg insisted "
     "would stay until the troops leave.", [("Anna Berg", "sanctions", "support")]),
    ("New sanctions were the main topic at the summit in Riga, where Latvian Foreign Minister Anna Berg said the "
     "weather was fine.", []),
    # a news report or an outlet only relays: what it reports speaks for its own subject
    ("Press reports claim that Latvian Foreign Minister Jan Nowak has requested that Estonia deliver more air "
     "defence systems to Ukraine.", [("Jan Nowak", "military_aid", "support")]),
    ("Some Nordic countries say they are ready to send more tanks to Ukraine, said The Baltic Herald.",
     [("Nordic countries", "military_aid", "support")]),
    # weighing the ways to an act states that act as an aim; the host of the meeting holds no position
    ("Anna Berg travelled to Vilnius for a meeting with Lithuanian President Tom Reed to explore ways to reach a "
     "ceasefire without delay.", [("Anna Berg", "ceasefire", "support")]),
    ("Latvian President Tom Reed hosted Prime Minister Anna Berg, who came to discuss how to tighten the sanctions "
     "on Russia.", [("Anna Berg", "sanctions", "support")]),
    ("Prime Minister Anna Berg discussed the ceasefire with Latvian President Tom Reed.", []),
    # complaining is a verb of saying; a complaint about another's act gives the speaker no stance on it
    ("Latvian Foreign Minister Anna Berg complained that the West was too slow in sending tanks to Ukraine.",
     [("Anna Berg", "military_aid", "support")]),
    ("Latvian Foreign Minister Anna Berg complained that Estonia had blocked new sanctions on Russia.", []),
    # defending a decision, a policy or a right states a stance on it; defending a place or a people
    # is the fighting, no one's words
    ("Latvian Foreign Minister Anna Berg defended the new sanctions on Russia against critics in her own party.",
     [("Anna Berg", "sanctions", "support")]),
    ("Latvian Foreign Minister Anna Berg has defended that the sanctions on Russia must stay in place.",
     [("Anna Berg", "sanctions", "support")]),
    ("Latvian President Tom Reed defended the city of Riga and its people against the attacks.", []),
    # talking with someone about a thing states a view on it; talking about it with no one named may
    # only name a topic
    ("Latvian President Tom Reed spoke with the Estonian leader on Friday about the need for new sanctions "
     "on Russia.", [("Tom Reed", "sanctions", "support")]),
    ("Late on Monday, Latvian Prime Minister Anna Berg talked to her Finnish colleague about the urgency of "
     "peace talks.", [("Anna Berg", "negotiations", "support")]),
    ("Latvian officials spoke about the sanctions at a meeting in Riga.", []),
    # a quote the page opens and never closes before its paragraph ends is still the words of the
    # one quoted, not of a subject named inside it
    ('Latvian President Tom Reed said on Monday that his neighbours had to do more. "Estonia must allow the '
     'delivery of more tanks to Ukraine and keep the border open. Riga cannot wait any longer.\n\nThe talks '
     'resume next week.', [("Tom Reed", "military_aid", "support")]),
    # "the diplomat" after a foreign minister or an ambassador is that person; not a head of state
    ("Latvian Foreign Minister Anna Berg landed in Tallinn on Tuesday. “Riga will keep sending tanks to Ukraine,” "
     "the top diplomat said.", [("Anna Berg", "military_aid", "support")]),
    ("Estonia's ambassador to the UN, Tom Reed, took the floor first. Later the Estonian diplomat urged tougher "
     "sanctions on Russia.", [("Tom Reed", "sanctions", "support")]),
    ("Latvian President Anna Berg landed in Tallinn on Tuesday. Later the diplomat urged tougher sanctions on "
     "Russia.", []),
    # those named "along with", "together with" or "alongside" the subject, set off by commas after it,
    # act with it: countries and bodies as well as people
    ("Portugal, along with Malta and Chile, called for tougher sanctions on Russia.",
     [("Chile", "sanctions", "support"), ("Malta", "sanctions", "support"), ("Portugal", "sanctions", "support")]),
    ("Austria, together with Peru, said peace talks must start now.",
     [("Austria", "negotiations", "support"), ("Peru", "negotiations", "support")]),
    ("Estonian Foreign Minister Tom Reed, alongside Latvia, urged tougher sanctions on Russia.",
     [("Latvia", "sanctions", "support"), ("Tom Reed", "sanctions", "support")]),
    # a quote that relays a meeting told just before, with its people as a clause's subject ("the two
    # leaders", "the ministers"), is theirs as well as the teller's; with no meeting told, the people
    # are no one known and the quote reports a third party
    ("Latvian President Anna Berg met Estonian President Tom Reed in Riga on Monday. “The two presidents agreed "
     "that sanctions on Russia must stay,” Latvian Foreign Minister Karl Ozols said.",
     [("Anna Berg", "sanctions", "support"), ("Karl Ozols", "sanctions", "support"), ("Tom Reed", "sanctions", "support")]),
    ("Latvian Prime Minister Anna Berg held talks with Estonian Prime Minister Tom Reed in Riga on Monday. “The "
     "ministers discussed the need for tougher sanctions on Russia,” the Latvian Foreign Ministry said.",
     [("Anna Berg", "sanctions", "support"), ("Latvian Foreign Ministry", "sanctions", "support"),
      ("Tom Reed", "sanctions", "support")]),
    ("“The two presidents agreed that sanctions on Russia must stay,” Latvian Foreign Minister Karl Ozols said.", []),
    # a "who" clause on a person named inside what another verb reports is that person's own
    # statement, quote and all; the speaker around it keeps theirs
    ("Latvian Foreign Minister Anna Berg rejected the plan of Tom Reed, who suggested that Latvia send more "
     "tanks to Ukraine.", [("Anna Berg", "military_aid", "oppose"), ("Tom Reed", "military_aid", "support")]),
    ("Anna Berg spoke in Riga. Her speech repeated the views of Estonian President Tom Reed, who told reporters "
     "that the right answer was “to ship more arms to Ukraine.”", [("Tom Reed", "military_aid", "support")]),
    # a phrase opening with a preposition or a subordinator before a speaker whose quote follows the
    # verb sets the scene; a clause there is still the speaker's words
    ("In a post welcoming the peace talks, Latvian Prime Minister Anna Berg wrote, “We will keep the sanctions on "
     "Russia.”", [("Anna Berg", "sanctions", "support")]),
    ("Russia has to withdraw all of its soldiers, Latvian Prime Minister Anna Berg said, “and it must do so now.”",
     [("Anna Berg", "territorial_integrity", "support")]),
    # "the Latvian leader" of the one Latvian named before whose title the text gave only as someone's
    # "counterpart", or not at all; with two such people no one, nor for a body's title
    ("Estonian Prime Minister Tom Reed met his Latvian counterpart Anna Berg in Riga. The Latvian leader said the "
     "sanctions on Russia must stay.", [("Anna Berg", "sanctions", "support")]),
    ("Latvia's Anna Berg flew to Kyiv on Monday. “We will keep the sanctions on Russia,” said the Latvian president.",
     [("Anna Berg", "sanctions", "support")]),
    ("Latvia's Anna Berg and Latvia's Tom Reed flew to Kyiv on Monday. “We will keep the sanctions on Russia,” said "
     "the Latvian president.", []),
    ("The EU's Tom Reed landed in Kyiv on Tuesday. “Sanctions on Russia must stay,” the European Commission "
     "president said.", []),
    # a definite title of a high office that no one holds is the person the sentence before is about,
    # when the text gave that person no title; not a spokesperson, not a country's office, not a
    # title the text used before for someone else, and not when that person has another title
    ("Anna Berg has signalled a shift in her government's course. Speaking in Riga, the foreign minister said "
     "tougher sanctions on Russia were needed.", [("Anna Berg", "sanctions", "support")]),
    ("Tom Reed has signalled a shift in his government's course. The prime minister told reporters on Friday that peace "
     "talks must start now.", [("Tom Reed", "negotiations", "support")]),
    ("Anna Berg has signalled a shift in her government's course. The spokesman said tougher sanctions on Russia "
     "were needed.", []),
    ("Latvia's Anna Berg has signalled a shift in her government's course. The Estonian president said tougher "
     "sanctions on Russia were needed.", []),
    ("Anna Berg met the prime minister in Riga. Earlier, the prime minister said tougher sanctions on Russia were "
     "needed.", []),
    ("Latvian adviser Anna Berg has hinted at a change of the government's course. The prime minister said tougher "
     "sanctions on Russia were needed.", []),
    # encouraging someone to act asks for the act, like urging them to
    ("Latvian Foreign Minister Anna Berg encouraged Estonia to keep the sanctions on Russia.",
     [("Anna Berg", "sanctions", "support")]),
    ("Estonian President Tom Reed encouraged both sides to start peace talks.", [("Tom Reed", "negotiations", "support")]),
    # a country named bare as the subject, while one of its own officials speaks, is that official's
    # voice: the official who reports it, or the one who spoke in the sentence before; not another
    # country, nor when two officials of it spoke
    ("Latvian Foreign Minister Anna Berg mentioned that Latvia wishes to support tougher sanctions on Russia.",
     [("Anna Berg", "sanctions", "support")]),
    ("Latvian Foreign Minister Anna Berg stressed the following:\n\nFirst, Latvia demands tougher sanctions on Russia.",
     [("Anna Berg", "sanctions", "support")]),
    ("Latvian Foreign Minister Anna Berg thanked Estonia for its help.\n\nPeace is the goal, and Latvia calls for "
     "tougher sanctions on Russia.", [("Anna Berg", "sanctions", "support")]),
    ("Latvian Foreign Minister Anna Berg thanked Estonia for its help. Estonia calls for tougher sanctions on Russia.",
     [("Estonia", "sanctions", "support")]),
    ("Latvian Foreign Minister Anna Berg thanked Estonia for its help. Latvia has refused to lift the sanctions on "
     "Russia.", [("Latvia", "sanctions", "support")]),
    ("Latvian Foreign Minister Anna Berg and Latvian adviser Tom Reed thanked Estonia for its help. Latvia calls for "
     "tougher sanctions on Russia.", [("Latvia", "sanctions", "support")]),
    # a person named as the subject of "mentioned that ..." says the clause, not the clause's own subject;
    # "mentioned" with no that-clause, or in the passive, says nothing
    ("Latvian Foreign Minister Anna Berg mentioned that Latvia wants peace talks to start soon.",
     [("Anna Berg", "negotiations", "support")]),
    ("The plan mentioned in the report foresees new sanctions on Russia.", []),
    ("Peace talks were mentioned by the Latvian Foreign Minister Anna Berg on Monday.", []),
]


@pytest.mark.parametrize("text, expected", SPEAKER_SENTENCES)
def test_speakers_in_sentences(nlp, text, expected):
    from analysis.reader import parse_article
    tables = analyze([parse_article(text, "s", title="s")], n_process=1)
    assert sorted(set(tables.statements[["actor", "issue", "stance"]].itertuples(index=False, name=None))) == expected


def test_a_quote_left_open_to_the_end_of_its_paragraph_is_a_quote(nlp):
    # not when the paragraph stops short of a sentence's end (a text cut off mid-word)
    from analysis.speakers import find_quotes
    doc = nlp('Tom Reed said more was needed. "Aid must reach the port. Lives come first.\n\n'
              'A ship left Riga on Monday. "The port is clos')
    assert [q.text for q in find_quotes(doc)] == ['"Aid must reach the port. Lives come first.']


def test_according_to_inside_a_quote_names_no_speaker(nlp):
    # the ambassador cites the body inside the quote: the body does not speak there
    doc = nlp("“According to the UN, Latvia has no right to a ceasefire”, underlines the ambassador of Latvia, Tom Reed.")
    assert all("UN" not in act.speakers for act in doc._.speech)


NOT_ACTORS = [
    # a journalist named by their title reports the story
    ("Anna Berg told the network's chief correspondent Tom Reed that talks must start.", ["Anna Berg"]),
    # a byline on a line of its own, with the line break the model took into the name
    ("Berg calls for talks to start\n\nTom Reed\nAnna Berg said talks must start.", ["Anna Berg"]),
    # the authors of a live page, on a line of names alone
    ("Live updates\nEva Lind (now); Tom Reed and Dan Hart (earlier)\nAnna Berg said talks must start.", ["Anna Berg"]),
    # a dateline's place ("<Place>, <Country>:") is no person
    ("Borgo Lindano, Italy: US President Tom Reed signed a long-term agreement on Thursday.", ["Tom Reed"]),
    # a name described as a journalist's
    ("Anna Berg said talks must start. Tom Reed is the news editor of the site.", ["Anna Berg"]),
    ("Anna Berg said talks must start, Tom Reed, a correspondent for the Post, reported.", ["Anna Berg"]),
    # a staff line at the end of a paragraph: a name and a newsroom title
    ("Support us to deliver journalism without an agenda. Anna Lindqvist Editor\nTom Reed said talks must start.",
     ["Tom Reed"]),
    # a party's member is no one's name
    ("Anna Berg hopes to convince fellow Christian Democrat member Eva Lind to rework the plan.",
     ["Anna Berg", "Eva Lind"]),
    # the armed forces after a title are no name
    ("The chairman of the Joint Chiefs of Staff of the Latvian Armed Forces, Tom Reed, said so.", ["Tom Reed"]),
    # people named only in photo captions are in the pictures, not in the story
    ("Talks go on in Riga\nLatvian President Tom Reed (left) and Eva Lind (right) meet in Riga on Monday.\n"
     "Anna Berg said talks must start. Reed agreed.", ["Anna Berg", "Tom Reed"]),
    ("Talks go on\nPresident Tom Reed speaks\nPresident Tom Reed speaks\n(photo credit: REUTERS)\n\n"
     "Anna Berg said talks must start.", ["Anna Berg"]),
    ("Talks go on\nEstonian PM Tom Rd.\nEstonian PM Tom R\u00e9d.Eva Lind / Shutterstock\n\n"
     "Anna Berg said talks must start.", ["Anna Berg"]),
]


@pytest.mark.parametrize("text, expected", NOT_ACTORS)
def test_people_who_report_the_story_are_no_actors(nlp, text, expected):
    assert sorted(nlp(text)._.actors) == expected


# a country's ministry is its government, also when its short name speaks before its full name
GOVERNMENT_SENTENCES = [
    ("“Sanctions on Russia must stay,” the Foreign Ministry said in a statement. In Riga, the Latvian Foreign "
     "Ministry announced this week that it would send more weapons to Ukraine.",
     [("Latvian Foreign Ministry", "government", "LVA", "military_aid", "support"),
      ("Latvian Foreign Ministry", "government", "LVA", "sanctions", "support")]),
    ("The Foreign Ministry said on Monday that sanctions on Russia must stay. The Latvian Foreign Ministry also "
     "announced new weapons for Ukraine.",
     [("Latvian Foreign Ministry", "government", "LVA", "military_aid", "support"),
      ("Latvian Foreign Ministry", "government", "LVA", "sanctions", "support")]),
    # an unnamed spokesperson for a body or a government speaks for it
    ("A spokeswoman for the European Commission said sanctions on Russia must stay.",
     [("European Commission", "organization", "EU", "sanctions", "support")]),
    ("A spokesperson for the Latvian government said sanctions on Russia must stay.",
     [("Latvian government", "government", "LVA", "sanctions", "support")]),
    # a list with a comma before its "and" (the serial comma): every country of it speaks, not the last alone
    ("Chile, Peru, and Ghana urged tougher sanctions against Russia.",
     [("Chile", "government", "CHL", "sanctions", "support"), ("Ghana", "government", "GHA", "sanctions", "support"),
      ("Peru", "government", "PER", "sanctions", "support")]),
    ("In March, Chile, Peru, and Ghana pledged more weapons for Ukraine.",
     [("Chile", "government", "CHL", "military_aid", "support"), ("Ghana", "government", "GHA", "military_aid", "support"),
      ("Peru", "government", "PER", "military_aid", "support")]),
    ("After talks with Chile, Peru, and Ghana, Latvia urged tougher sanctions against Russia.",
     [("Latvia", "government", "LVA", "sanctions", "support")]),
    # a group of states speaks for no one country: its member states are the group, its ministers a group
    ("During the summit, the G7 countries agreed on a framework regarding security guarantees for Ukraine.",
     [("G7", "organization", "", "security_guarantees", "support")]),
    ("All members of the G20 are set to sign a long-term security arrangement with Ukraine.",
     [("G20", "organization", "", "security_guarantees", "support")]),
    ("In a statement, the G-7 ministers demanded new sanctions against Russia.",
     [("G-7 ministers", "group", "", "sanctions", "support")]),
    # the states a bloc or a proper adjective names are a group, not the body that names them
    ("Several EU countries said new sanctions on Russia must come now.",
     [("EU countries", "group", "EU", "sanctions", "support")]),
    ("On Monday, thirteen Western countries called for new sanctions on Russia.",
     [("Western countries", "group", "", "sanctions", "support")]),
    ("Other countries called for new sanctions on Russia.", []),
    # a threat says what its author means to do (after "to" or "with"); being threatened says nothing
    ("On Tuesday, Estonia threatened Moscow with tougher sanctions over the cyber attacks.",
     [("Estonia", "government", "EST", "sanctions", "support")]),
    ("Latvia has threatened to push for a new round of sanctions on Russia.",
     [("Latvia", "government", "LVA", "sanctions", "support")]),
    ("Lithuania feels threatened by Russia, and new sanctions on Russia are being discussed.", []),
    # a group noun "of" such states is a group of its own
    ("The foreign ministers of the Nordic countries have asked Latvia to deliver more weapons to Ukraine.",
     [("foreign ministers of the Nordic countries", "group", "", "military_aid", "support")]),
    ("The ministers of other countries called for new sanctions on Russia.", []),
    # "the ministers" after a named group of ministers spoke: that group again; no group named, no one
    ("In a statement, the G-7 ministers condemned the attack. The ministers reiterated their resolve to strengthen "
     "sanctions against Russia.", [("G-7 ministers", "group", "", "sanctions", "support")]),
    # "The statement also called for ...": the statement or appeal of the body or group that spoke in the
    # sentence before; after a person spoke, or with no one before it, no one
    ("On Monday, thirteen Western countries said new sanctions on Russia must come now. The statement also called "
     "for more weapons for Ukraine.", [("Western countries", "group", "", "military_aid", "support"),
                                       ("Western countries", "group", "", "sanctions", "support")]),
    ("The Latvian government said on Monday that new sanctions on Russia must come now. The appeal also urged "
     "more weapons for Ukraine.", [("Latvian government", "government", "LVA", "military_aid", "support"),
                                   ("Latvian government", "government", "LVA", "sanctions", "support")]),
    ("Latvian Foreign Minister Anna Berg said new sanctions on Russia must come now. The statement also called "
     "for more weapons for Ukraine.", [("Anna Berg", "person", "LVA", "sanctions", "support")]),
    ("The statement called for more weapons for Ukraine.", []),
    # a group named after its noun ("ministers of the Group of Seven") goes by the short form the article
    # writes too ("the G7 ministers"), so "the ministers" later is that group again
    ("The foreign ministers of the Group of Seven demanded fresh sanctions on Russia. Ukraine was a key "
     "topic for the G7 ministers on Monday. The ministers agreed to send more weapons to Ukraine.",
     [("G7 ministers", "group", "", "military_aid", "support"), ("G7 ministers", "group", "", "sanctions", "support")]),
    ("Trade ministers from the Group of Seven said on Sunday that new sanctions on Russia must come now. The G-7 "
     "trade ministers met in Riga.", [("G-7 trade ministers", "group", "", "sanctions", "support")]),
    ("Foreign ministers of the Group of Seven said new sanctions on Russia must come now.",
     [("ministers of the Group of Seven", "group", "", "sanctions", "support")]),
    ("Latvian officials condemned the attack. The officials also called for new sanctions against Russia.",
     [("Latvian officials", "group", "LVA", "sanctions", "support")]),
    ("The officials called for new sanctions against Russia.", []),
    # a country's farmers are a lobby that holds positions, as its officials are
    ("Estonian farmers have demanded that the sanctions on Russia stay in place.",
     [("Estonian farmers", "group", "EST", "sanctions", "support")]),
    # a title of one person on a body's name is that person, never the body ("the Commission president")
    ("New sanctions on Russia must come now, the European Commission president said.", []),
    ("NATO Chief Announces New Sanctions on Russia\n\nThe talks went on.", []),
    ("European Commission President Anna Berg visited Riga. New sanctions on Russia must come now, the Commission "
     "president said.", [("Anna Berg", "person", "EU", "sanctions", "support")]),
    # "the Berg government", "Berg's administration": the government of the leader's country, not the leader
    ("Latvian Prime Minister Anna Berg visited Kyiv. The Berg government said it would send more weapons to Ukraine.",
     [("Latvia", "government", "LVA", "military_aid", "support")]),
    ("Latvian Prime Minister Anna Berg visited Kyiv. Berg's administration called for new sanctions on Russia.",
     [("Latvia", "government", "LVA", "sanctions", "support")]),
    # of a leader the text gives no country for, the executive is no one's: never the leader in person
    ("Prime Minister Anna Berg visited Kyiv. The Berg government said it would send more weapons to Ukraine.", []),
    ("Prime Minister Anna Berg visited Kyiv. Berg's administration called for new sanctions on Russia.", []),
    # ... also when the model tags the leader's name a body ("Novak" as an organization)
    ("The Novak administration said new sanctions on Russia must come now.", []),
    # a country of several words owns the ministry: "Saudi Arabia's", not "Arabia's"
    ("Saudi Arabia's Foreign Ministry said new sanctions on Russia must come now.",
     [("Saudi Arabia's Foreign Ministry", "government", "SAU", "sanctions", "support")]),
    # a department of a country's executive is its government too, the country before its name or in
    # its "of" phrase
    ("The Latvian State Department announced on Friday that it wants tougher sanctions against Russia.",
     [("Latvian State Department", "government", "LVA", "sanctions", "support")]),
    ("The Department of Defence of Latvia announced on Friday that it would ship more rockets to Ukraine.",
     [("Department of Defence of Latvia", "government", "LVA", "military_aid", "support")]),
    ("On Friday the U.S. Department of State vowed tougher sanctions against Russia.",
     [("U.S. Department of State", "government", "USA", "sanctions", "support")]),
    # a ministry named without its country is the government of the country it reports as the subject of
    # what it says, also through its spokesperson; with no country as that subject it stays the body it is
    ("The Ministry of Economy stated on Tuesday that Latvia will keep shipping rockets to Ukraine.",
     [("Ministry of Economy", "government", "LVA", "military_aid", "support")]),
    ("A spokeswoman for the Ministry of Energy said on Friday that Estonia will send more rockets to Ukraine.",
     [("Ministry of Energy", "government", "EST", "military_aid", "support")]),
    ("The Ministry of Economy stated on Tuesday that more rockets should be shipped to Ukraine.",
     [("Ministry of Economy", "organization", "", "military_aid", "support")]),
    # a country's legislature speaks for that country, as "Congress" or "the Bundestag" do; with no
    # country named it stays the body it is
    ("The Latvian parliament voted to send more weapons to Ukraine.",
     [("Latvian parliament", "government", "LVA", "military_aid", "support")]),
    ("The U.S. Senate approved new sanctions on Russia.",
     [("U.S. Senate", "government", "USA", "sanctions", "support")]),
    ("The Senate approved new sanctions on Russia.", [("Senate", "organization", "", "sanctions", "support")]),
    # "the Latvian side" in talks between states is that state's government
    ("The Latvian side said new sanctions on Russia must come now.",
     [("Latvian side", "government", "LVA", "sanctions", "support")]),
    ("Both sides said new sanctions on Russia must come now.", []),
    # a plural government noun over a list of countries is each of their governments
    ("The Latvian and Estonian foreign ministries both argued that Russia deserves harsher sanctions.",
     [("Estonia", "government", "EST", "sanctions", "support"), ("Latvia", "government", "LVA", "sanctions", "support")]),
    ("The governments of Latvia, Estonia and Lithuania jointly urged Brussels to tighten sanctions on Russia.",
     [("Estonia", "government", "EST", "sanctions", "support"), ("Latvia", "government", "LVA", "sanctions", "support"),
      ("Lithuania", "government", "LTU", "sanctions", "support")]),
]


@pytest.mark.parametrize("text, expected", GOVERNMENT_SENTENCES)
def test_governments_and_bodies_that_speak(nlp, text, expected):
    from analysis.reader import parse_article
    tables = analyze([parse_article(text, "s", title="s")], n_process=1)
    rows = tables.statements[["actor", "actor_type", "country", "issue", "stance"]].itertuples(index=False, name=None)
    assert sorted(set(rows)) == expected


def test_line_breaks_inside_an_entity_are_cut_off(nlp):
    from spacy.tokens import Span

    from analysis.components import _without_spaces

    doc = nlp.make_doc("Tom Reed\n\nAnna Berg said so.")
    assert doc[2].is_space
    assert _without_spaces(doc, Span(doc, 0, 3, label="PERSON")).text == "Tom Reed"
    assert _without_spaces(doc, Span(doc, 2, 3, label="PERSON")) is None


def test_an_untagged_name_before_a_comma_and_a_title_is_a_person(nlp):
    """"Anna Berg, Finland's junior foreign minister, said": the name the model left untagged."""
    doc = nlp.make_doc("Kaisa Vuorimaa, Finland’s junior foreign minister, said so.")
    for name, proc in nlp.pipeline:
        if name == "ner_repair":
            doc.ents = [e for e in doc.ents if e.label_ != "PERSON"]  # as the model sometimes leaves it
            doc = proc(doc)
            break
        doc = proc(doc)
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("Kaisa Vuorimaa", "PERSON")]


@pytest.mark.xfail(reason="a name the model did not tag is not looked for after a longer chain of 'of' phrases: "
                          "found there, the one who reports another's words took that claim (dev positions)",
                   strict=True)
def test_an_untagged_name_after_a_title_with_a_chain_of_of_phrases_is_a_person(nlp):
    """"the head of the press service of the Holy See, Anna Berg, said": the name the model left
    untagged (or took for a body) after a title, a chain of "of" phrases and a comma."""
    doc = nlp.make_doc("Later, the head of the press service of the Holy See, Matteo Rinaldi, in turn, said so.")
    for name, proc in nlp.pipeline:
        if name == "ner_repair":
            doc.ents = [e for e in doc.ents if e.label_ != "PERSON"]  # as the model sometimes leaves it
            doc = proc(doc)
            break
        doc = proc(doc)
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("Matteo Rinaldi", "PERSON")]


def test_the_platform_x_ending_a_sentence_is_no_initial_of_the_next_name(nlp):
    """"he wrote on X. Lindberg also hopes": the model reads "X. Lindberg" as one name."""
    doc = nlp("German Finance Minister Tom Lindberg called for talks. ‘We need a negotiated solution,’ he wrote "
              "on X. Lindberg also hopes that the Commission reworks the plan.")
    assert sorted(doc._.actors) == ["Tom Lindberg"]


def test_a_surname_of_two_letters_is_no_country_code(nlp):
    """"Trade Minister Tom Li": a short surname the country converter reads as an ISO code ("Li",
    "Ng") made the name look like a headline fragment; dropped, it came back with the title."""
    doc = nlp("Anna Berg, a spokeswoman for Trade Minister Tom Li, said talks must start.")
    assert sorted(doc._.actors) == ["Anna Berg", "Tom Li"]


def test_a_portfolio_after_minister_of_is_no_part_of_the_name(nlp):
    """"Minister of Economy Raquel Berg": the model tags "Economy Raquel Berg" PERSON."""
    doc = nlp("US Trade Representative Tom Reed met with Mexican Minister of Economy Raquel Berg to discuss trade.")
    assert sorted(doc._.actors) == ["Raquel Berg", "Tom Reed"]


@pytest.mark.parametrize("text, tagged, expected", [
    # the run of capitalised words goes on over "and" into the next title
    ("Secretary of Commerce Anna Berg and Union Minister of Trade Tom Reed held talks on Friday.",
     [("Commerce Anna Berg", "ORG")], ["Anna Berg", "Tom Reed"]),
    # a given name the tables do not know, the surname written alone as a person's later
    ("Minister of Commerce and Industry Zorvash Kettleby met the envoy. Kettleby said talks must start.",
     [("Commerce and Industry Zorvash Kettleby", "ORG"), ("Kettleby", "PERSON")],
     ["Zorvash Kettleby", "Kettleby"]),
    # after "of the": a body's name with "of" inside, then a name of three words
    ("The delegation included Secretary-General of the Union of Coastal States Anna Maria Lindqvist.",
     [("the Union of Coastal States Anna Maria Lindqvist", "ORG")], ["Anna Maria Lindqvist"]),
])
def test_a_name_after_a_title_and_its_portfolio_is_cut_from_the_body_the_model_tagged(nlp, text, tagged, expected):
    """"Secretary of Commerce Anna Berg and Union Minister ...", "Minister of Commerce and Industry
    <unknown given name> <surname>", "Secretary-General of the <body> Anna Maria Berg": the model
    tags the portfolio or body and the name as one body; the name is the title holder's."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "ner_repair":
            spans = [doc.char_span(text.rindex(words), text.rindex(words) + len(words), label=label)
                     for words, label in tagged]
            doc.ents = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)] + spans
            doc = proc(doc)
            break
        doc = proc(doc)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == expected


def test_a_news_outlet_tagged_person_is_no_actor(nlp):
    """"according to Norwegian newspaper Dagens Blad", "BERLIN (Kaito Press) —": an outlet after
    a word for one, or ending in a word for one, is no person."""
    from spacy.tokens import Span

    doc = nlp("“We must talk,” Anna Berg said, according to Norwegian newspaper Dagens Blad.")
    assert sorted(doc._.actors) == ["Anna Berg"]
    doc = nlp.make_doc("BERLIN (Kaito Press) — Anna Berg said talks must start.")
    for name, proc in nlp.pipeline:
        if name == "ner_repair":
            doc.ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 6, 8, label="PERSON")]  # as the model did
            doc = proc(doc)
            break
        doc = proc(doc)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Anna Berg"]


def _repaired_people(nlp, text, people):
    """PERSON names after ``ner_repair``, with the model's PERSON spans set to ``people`` (as it tagged them)."""
    from spacy.tokens import Span

    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "ner_repair":
            spans = []
            for word in people:
                start = text.index(word)
                while start >= 0:
                    spans.append(doc.char_span(start, start + len(word), label="PERSON"))
                    start = text.find(word, start + 1)
            doc.ents = [e for e in doc.ents if e.label_ != "PERSON" and not any(
                e.start < s.end and s.start < e.end for s in spans)] + spans
            doc = proc(doc)
            break
        doc = proc(doc)
    return [e.text for e in doc.ents if e.label_ == "PERSON"]


@pytest.mark.parametrize("text, people, expected", [
    # the text calls the name a company
    ("Anna Berg said curbs would hit Velmar Tessin. Velmar Tessin is Europe's largest tech company.",
     ["Anna Berg", "Velmar Tessin"], ["Anna Berg"]),
    # a common noun for bodies right before the names
    ("The suit was filed by the organizations Oxfam Lindau, Pax and others, Anna Berg said.",
     ["Oxfam Lindau", "Anna Berg"], ["Anna Berg"]),
    ("Shares of chipmaker Velmar Tessin fell, Anna Berg said.", ["Velmar Tessin", "Anna Berg"], ["Anna Berg"]),
    # a web address
    ("Anna Berg made the announcement in Riga, Kyivnews.ua reports.", ["Anna Berg", "Kyivnews.ua"], ["Anna Berg"]),
    # a body's last word
    ("Anna Berg met officials of the External Action Service.", ["Anna Berg", "External Action Service"], ["Anna Berg"]),
    # a person after a comma and the body she heads stays a person; so does one after a party's title
    ("The head of the company, Anna Berg, said so.", ["Anna Berg"], ["Anna Berg"]),
    ("Labour Party leader Anna Berg said so.", ["Anna Berg"], ["Anna Berg"]),
    ("“Talks must start,” said Tom Reed, CEO of Latvia’s sovereign wealth fund and a senior figure in Riga.",
     ["Tom Reed"], ["Tom Reed"]),
])
def test_a_body_tagged_person_is_no_person(nlp, text, people, expected):
    """A company, an NGO or a website the model tagged PERSON: the text calls it a body ("X is
    Europe's largest tech company", "the organizations X", "chipmaker X"), it is a web address, or
    it ends with a word for a body."""
    assert _repaired_people(nlp, text, people) == expected


def test_a_double_name_after_a_title_is_a_person(nlp):
    """"The chair of the Defense Committee, Marie-Anne Berg-Lindqvist (FDP), said": a name joined
    by hyphens after a title, which the model tagged ORG, is the title holder's name."""
    from spacy.tokens import Span

    text = "The chair of the Defense Committee, Marie-Anne Berg-Lindqvist (FDP), has sharply criticized the decision."
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "ner_repair":
            start = text.index("Marie")
            org = doc.char_span(start, start + len("Marie-Anne Berg-Lindqvist"), label="ORG")  # as the model did
            doc.ents = [e for e in doc.ents if e.end <= org.start or e.start >= org.end] + [org]
        doc = proc(doc)
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("Marie-Anne Berg-Lindqvist", "PERSON")]
    assert doc._.actors["Marie-Anne Berg-Lindqvist"].role == "chair of the Defense Committee"


@pytest.mark.parametrize("text, people, expected", [
    # the model tagged the hyphenated given names and stopped before the hyphenated surname
    ("The chair of the committee, Marie-Anne Berg-Lindqvist, said so.", ["Marie-Anne"],
     ["Marie-Anne Berg-Lindqvist"]),
    # the model tagged nothing before ", <title>": a surname joined by a hyphen is still one word of the name
    ("The intrigue: Karel Ben-Tov, Latvia's security minister, said so.", [], ["Karel Ben-Tov"]),
    # a country joined to a place by a hyphen after a name is no surname
    ("Anna Berg Russia-Ukraine talks went on.", ["Anna Berg"], ["Anna Berg"]),
])
def test_a_hyphenated_surname_belongs_to_the_name(nlp, text, people, expected):
    assert _repaired_people(nlp, text, people) == expected


def test_a_name_tagged_org_in_a_list_whose_neighbour_is_found_later_is_a_person(nlp):
    """"...: Anna Berg, Tom Reed and Eva Lind": the list's first name, left untagged, is found
    from its earlier mention; the name the model tagged ORG between two people is then a person."""
    from spacy.tokens import Span

    text = ("Anna Berg spoke first on Monday. Three leaders are crucial in the talks: Anna Berg, Tom Reed and "
            "Eva Lind, followed on Wednesday by others.")
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "ner_repair":  # as the model did: the list's "Anna Berg" untagged, "Tom Reed" a body
            doc.ents = [doc.char_span(text.index(word), text.index(word) + len(word), label=label)
                        for word, label in (("Anna Berg", "PERSON"), ("Tom Reed", "ORG"), ("Eva Lind", "PERSON"))]
        doc = proc(doc)
    assert ("Tom Reed", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_quote_marks_glued_to_a_common_word_are_no_name(nlp):
    """".”“We are looking": a closing and an opening quote with no space between make one token
    with the next word, which the model may tag PERSON."""
    doc = nlp("“We will see,” Berg replied, “We are looking at further measures.”“We are looking into chips, "
              "solar panels and more,” Berg added.")
    assert sorted(doc._.actors) == ["Berg"]


def test_a_name_cut_short_where_the_text_ends_is_the_full_name(nlp):
    """A page cut off in the middle of a name ("... is that Anna Lindq"): the same person."""
    doc = nlp("Anna Lindqvist said talks must start. The worst fear in Riga is that Anna Lindq")
    assert sorted(doc._.actors) == ["Anna Lindqvist"]
    # the surname alone elsewhere, the full name only where the text is cut
    doc = nlp("President Lindqvist said talks must start. The worst fear in Riga is that Anna Lindq")
    assert sorted(doc._.actors) == ["Lindqvist"]


def test_headline_words_before_a_title_are_no_name(nlp):
    """"..., Only Way to End War, Assembly President Tells Delegates": the two capitalised words
    before a comma and a title are a headline's, not a name, when the story never writes them with
    a capital (only "the war")."""
    doc = nlp("Political Solution Founded on Law, Only Way to End War, Assembly President Tells Delegates\n"
              "Anna Berg said the war must end. The talks go on.")
    assert [a.name for a in doc._.actors.values() if a.actor_type == "person"] == ["Anna Berg"]


def test_a_country_joined_to_a_surname_is_no_first_name(nlp):
    """"During his visit to Ukraine Lindqvist met ...": the model tags "Ukraine Lindqvist" as a body,
    which the surname speaking elsewhere makes a person; the country is no part of the name."""
    doc = nlp("Jens Lindqvist said talks must start. During his visit to Ukraine Lindqvist met for talks with "
              "Anna Berg. Lindqvist said the alliance stands by Kyiv.")
    assert sorted(doc._.actors) == ["Anna Berg", "Jens Lindqvist"]


def test_a_given_name_opening_a_sentence_is_part_of_the_name(nlp):
    """The model leaves a sentence's first word out of the name it starts ("Kemal Aydin" for
    "Mehmet Kemal Aydin"): a known given name there belongs to the name."""
    doc = nlp("The session opened late. Mehmet Kemal Aydin, the host of the meeting, called for talks.")
    assert sorted(doc._.actors) == ["Mehmet Kemal Aydin"]


def test_a_name_without_its_first_given_name_is_the_longer_name(nlp):
    """A caption or a headline drops a given name the story writes ("Maria Lind" / "Anna Maria
    Lind"): one person, under the longer name; with two longer names it is neither."""
    doc = nlp("Maria Lind met the envoy on Monday. Later, Anna Maria Lind said talks must start.")
    assert sorted(doc._.actors) == ["Anna Maria Lind"]
    doc = nlp("Maria Lind met the envoy on Monday. Anna Maria Lind said talks must start, and Eva Maria Lind agreed.")
    assert sorted(doc._.actors) == ["Anna Maria Lind", "Eva Maria Lind", "Maria Lind"]


def test_a_name_without_its_middle_name_is_the_longer_name(nlp):
    """A story that first writes the full name goes on without the middle name ("Anna Maria Lind",
    then "Anna Lind"): one person, under the longer name; with two longer names it is neither."""
    doc = nlp("Anna Maria Lind, who speaks for the ministry, met reporters on Tuesday. Talks must start soon, Anna "
              "Lind said.")
    assert sorted(doc._.actors) == ["Anna Maria Lind"]
    doc = nlp("Jonas Erik Holm met the envoy on Tuesday. His brother, Jonas Peter Holm, joined them later. Talks "
              "must start soon, Jonas Holm said.")
    assert sorted(doc._.actors) == ["Jonas Erik Holm", "Jonas Holm", "Jonas Peter Holm"]


def test_a_full_name_in_square_brackets_after_a_title_is_a_person(nlp):
    """"The president [Mykola Hrytsenkyy] has ...": an editor's insertion of the name the title
    stands for, a person whatever the model tagged it; a bracket that names no one stays no one."""
    doc = nlp('"The president [Mykola Hrytsenkyy] has spoken several times with Chairman Lindqvist," Tom Reed said.')
    assert sorted(doc._.actors) == ["Lindqvist", "Mykola Hrytsenkyy", "Tom Reed"]
    doc = nlp('"The president [of Latvia] has talked with them," Tom Reed said.')
    assert sorted(a for a in doc._.actors if doc._.actors[a].actor_type == "person") == ["Tom Reed"]


def test_an_event_named_after_a_title_is_no_person(nlp):
    doc = nlp("Anna Berg told the CEO Council Summit in Riga on Monday that talks must start.")
    assert sorted(a for a in doc._.actors if doc._.actors[a].actor_type == "person") == ["Anna Berg"]


def test_a_misspelt_surname_alone_is_the_full_name(nlp):
    """"Anna Lindqvist ... Lindqvst has been touring": the surname alone with a letter dropped is the
    same person."""
    doc = nlp("Anna Lindqvist said talks must start. Lindqvst has been touring the region to drum up support.")
    assert sorted(doc._.actors) == ["Anna Lindqvist"]
    # the full name stands for both, even where the surname alone is written more often
    doc = nlp("Anna Lindqvst, the Latvian foreign minister, spoke in Riga on Monday. Mrs Lindqvist said talks must "
              "start. Mrs Lindqvist added that she backs the plan.")
    assert sorted(doc._.actors) == ["Anna Lindqvst"]


def test_a_last_surname_before_a_possessive_belongs_to_the_name(nlp):
    """"President Juan Carlos Pérez Robles’s plan": the model may stop the name before the second
    surname, which carries the possessive."""
    from spacy.tokens import Span

    doc = nlp.make_doc("The United States opposes Mexican President Juan Carlos Pérez Robles’s plan to ban corn.")
    for name, proc in nlp.pipeline:
        if name == "ner_repair":
            doc.ents = [Span(doc, 6, 9, label="PERSON")]  # as the model did
            doc = proc(doc)
            break
        doc = proc(doc)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Juan Carlos Pérez Robles"]


def test_a_kicker_before_a_spaced_colon_is_no_name(nlp):
    """"Role Reversal : ministers vow ...": a headline's kicker, a space before its colon."""
    doc = nlp("Role Reversal : G-7 trade ministers vow to further unite against economic coercion\n"
              "Anna Berg said the ministers would unite.")
    assert sorted(doc._.actors) == ["Anna Berg", "G-7 trade ministers"]  # the ministers who vow do speak


def test_capitalised_words_after_a_possessive_pronoun_are_no_name(nlp):
    """"his insane Electric Vehicle mandate": the model may tag the capitalised words PERSON."""
    from spacy.tokens import Span

    doc = nlp.make_doc("Anna Berg said his insane Electric Vehicle mandate harms the industry.")
    for name, proc in nlp.pipeline:
        if name == "ner_repair":
            doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 7, label="PERSON")]  # as the model did
            doc = proc(doc)
            break
        doc = proc(doc)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Anna Berg"]


def test_a_surname_the_model_took_for_a_body_is_a_person_when_called_he(nlp):
    """"Lindqvist caught the EU by surprise when he imposed tariffs": "Lindqvist" tagged ORG; a body
    that "he" refers back to is no body; one that the pronoun does not refer to stays one."""
    doc = nlp("In 2017, Lindqvist caught the EU by surprise when he imposed tariffs on European steel.")
    assert [(a.name, a.actor_type) for a in doc._.actors.values()] == [("Lindqvist", "person")]
    doc = nlp("Hyundai told the minister that he must act.")
    assert [a.name for a in doc._.actors.values() if a.actor_type == "person"] == []


def test_a_nickname_mentioned_alone_is_the_person_whose_full_name_quotes_it(nlp):
    doc = nlp("Bela visits the port. Estonian President Bela “Belo” Taggart called for an end to the war "
              "on Monday. In a meeting in Tallinn, Belo told reporters that peace talks must begin.")
    assert sorted(doc._.actors) == ["Bela Taggart"]


def test_a_line_break_ends_a_sentence_only_in_text_kept_one_paragraph_per_line(nlp):
    """A headline in sentence case is no part of the first sentence; a hard-wrapped sentence stays whole."""
    doc = nlp("Estonia and Latvia join the pact on security guarantees for Ukraine\n"
              "Estonia and Latvia have joined the pact.\nAnna Berg said it was a good day.\nTom Reed agreed with her.")
    assert next(doc.sents).text.strip() == "Estonia and Latvia join the pact on security guarantees for Ukraine"
    wrapped = nlp("Anna Berg said the talks in the capital\nwould go on for a while longer\nand Tom Reed agreed with her.")
    assert len(list(wrapped.sents)) == 1


def test_a_single_name_after_a_regnal_title_keeps_the_title(nlp):
    doc = nlp("Pope Francis said talks must start. Francis added that he prays for peace.")
    assert {name: actor.country for name, actor in doc._.actors.items()} == {"Pope Francis": "VAT"}


@pytest.mark.parametrize("text, expected", [
    # a title before the given name alone, after the full name that opens with it: that person
    ("Latvian Crown Prince Hamad bin Khalid hosted Tom Reed. Tom Reed met Prince Hamad on Monday. Opening the "
     "summit, Prince Hamad said peace talks must start.", {"Hamad bin Khalid": "LVA", "Tom Reed": ""}),
    ("Estonian Emir Saud bin Nasser Al Rand hosted the talks. On Monday, Sheikh Saud called for a ceasefire.",
     {"Saud bin Nasser Al Rand": "EST"}),
    # no full name opens with it: the title and the given name stay the name
    ("Tom Reed met Prince Hamad on Monday. Opening the summit, Prince Hamad said peace talks must start.",
     {"Tom Reed": "", "Prince Hamad": ""}),
])
def test_a_title_and_a_given_name_is_the_full_name_that_opens_with_it(nlp, text, expected):
    doc = nlp(text)
    assert {name: actor.country for name, actor in doc._.actors.items() if actor.actor_type == "person"} == expected


def test_a_name_misspelt_in_one_article_is_one_person(nlp):
    """A letter dropped or two letters swapped in one word of a name: the same person; another
    letter in its place may be another name and stays apart."""
    doc = nlp("Estonian Foreign Minister Anna Lindqvist met Tom Reed on Monday. Anna Lindqvst said talks must "
              "start. Eva Halvorsen met Tom Raed later. Eva Hlavorsen agreed. Paul Norberg and Paula Norberg left.")
    assert {name: a.country for name, a in doc._.actors.items()} == {
        "Anna Lindqvist": "EST", "Tom Reed": "", "Eva Halvorsen": "", "Tom Raed": "", "Paul Norberg": "",
        "Paula Norberg": ""}


def test_a_surname_the_model_took_for_a_place_is_a_person_when_it_speaks(nlp):
    """One word tagged GPE that no list knows as a place, the subject of a speech verb."""
    doc = nlp("“Moscow will just wait and come for the rest,” Kaland said. Kaland questioned who would enforce a zone.")
    assert sorted(doc._.actors) == ["Kaland"]


def test_a_group_of_states_written_with_digits_is_no_surname_when_it_speaks(nlp):
    """"the G7 insisted": tagged GPE by the model, unknown to our lists, the subject of a speech
    verb, yet a word with digits is no one's name: a body that speaks."""
    doc = nlp("The Chinese side responded that the G7 insisted on smearing China.")
    assert [a.name for a in doc._.actors.values() if a.actor_type == "person"] == []
    assert [e.label_ for e in doc.ents if e.text == "G7"] == ["ORG"]


def test_a_surname_after_an_honorific_the_model_took_in_is_the_full_name(nlp):
    doc = nlp("Commission President Anna van der Berg met Tom Reed on Monday. Mrs van der Berg said talks must start.")
    assert sorted(doc._.actors) == ["Anna van der Berg", "Tom Reed"]


def test_links_to_other_stories_are_no_part_of_the_article(nlp):
    """"Read Also: ..." and "SEE ALSO: ..." carry another story's headline: its "announces" is no
    statement of this article, whether the link has a line of its own or follows a sentence."""
    from analysis.reader import parse_article

    from analysis.reader import article_id

    raw = ("Anna Berg said peace talks must start. SEE ALSO: Tom Reed Visits Kyiv\n\n"
           "Read Also: EU announces new sanctions against Russia\n\n"
           "Related to this, Tom Reed said the weather was fine.")
    article = parse_article(raw, "links.txt")
    assert "Read Also" not in article.text
    # the id is the text's as given: stored before links were cut, the article keeps its id
    assert article.id == article_id(raw)
    tables = analyze([article])
    assert sorted(tables.actors["name"]) == ["Anna Berg", "Tom Reed"]
    assert [tuple(r) for r in tables.statements[["actor", "issue", "stance"]].itertuples(index=False)] == [
        ("Anna Berg", "negotiations", "support")]


def test_a_common_noun_the_model_took_into_a_name_is_no_part_of_it(nlp):
    """"the loss of volunteer Anna Berg": the model may tag "volunteer Anna Berg" PERSON; the
    lower-case noun is no part of the name, a particle ("van der") is."""
    from spacy.tokens import Span

    doc = nlp.make_doc("He mourned the loss of volunteer Anna Berg and thanked Karl van der Lind.")
    for name, proc in nlp.pipeline:
        if name == "ner_repair":
            doc.ents = [Span(doc, 5, 8, label="PERSON"), Span(doc, 10, 14, label="PERSON")]  # as the model did
            doc = proc(doc)
            break
        doc = proc(doc)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Anna Berg", "Karl van der Lind"]


def test_a_dateline_place_in_brackets_is_no_part_of_the_name(nlp):
    """"28th May 2023 – (Riga) Anna Berg, ...": the model tags "(Riga) Anna Berg" PERSON; the
    place of the dateline is no part of the name; a given name in brackets is ("(Anna) Berg")."""
    doc = nlp("Latvia’s envoy ends tour\n\n28th May 2023 – (Riga) Anna Berg, special representative of the "
              "Latvian government, wrapped up her visit.")
    assert sorted(doc._.actors) == ["Anna Berg"]
    assert doc._.actors["Anna Berg"].country == "LVA"
    doc = nlp("“We must address it, as President (Vladimir) Berg has said,” Tom Reed said.")
    assert sorted(doc._.actors) == ["Tom Reed", "Vladimir Berg"]



def test_a_headline_verb_and_its_object_are_no_name(nlp):
    """"Germany Warns EU Against ‘Trade War’": the model may tag "Warns EU" PERSON; a verb in the
    third person opening a name is a headline's, and with a body or country after it no name at all."""
    from spacy.tokens import Span

    doc = nlp.make_doc("Latvia Warns EU Against Trade War Over Car Tariffs\n\nAnna Berg said talks must start. "
                       "Latvia warns the EU against a trade war.")
    for name, proc in nlp.pipeline:
        if name == "ner_repair":
            doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 10, 12, label="PERSON")]  # as the model did
            doc = proc(doc)
            break
        doc = proc(doc)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Anna Berg"]


def _people_with_entity_as(nlp, text, name, label):
    """PERSON names after ``ner_repair``, the model having tagged ``name`` as ``label``."""
    doc = nlp.make_doc(text)
    for step, proc in nlp.pipeline:
        if step == "ner_repair":
            start = text.index(name)
            span = doc.char_span(start, start + len(name), label=label)
            doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
        doc = proc(doc)
    return [e.text for e in doc.ents if e.label_ == "PERSON"]


@pytest.mark.parametrize("text, name, label, expected", [
    # a title in apposition after the name: a person, whatever the model took it for
    ("Talks will go on, according to Tomas Varga, the secretary of Latvia's security council.", "Tomas Varga", "ORG",
     ["Tomas Varga"]),
    ("Anna Berg-Lind, president of the Latvian farmers' union, expects a deal.", "Anna Berg-Lind", "LOC",
     ["Anna Berg-Lind"]),
    ("He was accompanied by Karel Dvorsky, his trade minister, on Friday.", "Karel Dvorsky", "ORG", ["Karel Dvorsky"]),
    # a body our lists know, or a title that is the next name's, stays as the model tagged it
    ("The European Commission, the EU's executive arm and its trade commissioner, agreed.", "European Commission",
     "ORG", []),
    ("Velmar Tessin, whose chief executive Anna Lind spoke, agreed.", "Velmar Tessin", "ORG", ["Anna Lind"]),
])
def test_a_name_tagged_as_a_body_before_a_title_is_a_person(nlp, text, name, label, expected):
    """"<Name Name>, the secretary of ...": two or three capitalised words the model took for a body
    or a place, with a title in apposition after them, are a person's name."""
    assert _people_with_entity_as(nlp, text, name, label) == expected


def test_a_surname_holding_a_country_s_letters_is_a_person(nlp):
    """"Degbert" holds "gb", a form the country converter reads as Britain: a name is no country
    unless the country's name is a whole word of it."""
    doc = nlp("Tom Reed has spoken with his Latvian counterpart, Anna Degbert. The two countries remain in close touch.")
    assert sorted(a.name for a in doc._.actors.values() if a.actor_type == "person") == ["Anna Degbert", "Tom Reed"]


@pytest.mark.parametrize("text, name, code", [
    ("Moroccan Foreign Minister Samir Talbi said the talks must go on.", "Samir Talbi", "MAR"),
    ("Thai Commerce Minister Anong Prasert said the talks must go on.", "Anong Prasert", "THA"),
    ("The Malian envoy, Ousmane Kaita, said the talks must go on.", "Ousmane Kaita", "MLI"),
])
def test_a_demonym_the_country_converter_does_not_know_gives_the_country(nlp, text, name, code):
    """places.toml lists the demonym of every country whose adjective names that country alone,
    also where the country converter reads none ("Moroccan", "Thai", "Malian")."""
    people = {a.name: a.country for a in nlp(text)._.actors.values() if a.actor_type == "person"}
    assert people.get(name) == code
