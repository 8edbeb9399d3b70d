"""The pipeline as a chain of components, and the engine version that decides re-analysis."""

import shutil

import pytest

from analysis import lexicon, pipeline


def test_components_run_in_the_order_of_the_method(nlp):
    names = nlp.pipe_names
    ours = ["person_index", "speaker_attribution", "issue_cues", "stance", "reaction_matcher"]
    assert [n for n in names if n in ours] == ours
    assert names.index("paragraph_breaks") < names.index("parser") < names.index("ner") < names.index("role_ruler")
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values())


def test_engine_version_follows_engine_files_only(tmp_path, monkeypatch):
    copy = tmp_path / "analysis"
    shutil.copytree(pipeline.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(pipeline, "PACKAGE", copy)
    before = pipeline.engine_version()
    (copy / "cli.py").write_text((copy / "cli.py").read_text() + "\n# a comment\n")
    assert pipeline.engine_version() == before  # the command line shapes no extraction
    stance = copy / "data" / "stance.toml"
    stance.write_text(stance.read_text() + "\n# a new cue list comment\n")
    after_data = pipeline.engine_version()
    assert after_data != before
    (copy / "speakers.py").write_text((copy / "speakers.py").read_text() + "\n# changed\n")
    assert pipeline.engine_version() not in (before, after_data)


def test_long_text_is_parsed_in_pieces_with_the_same_result(nlp):
    text = (("The minister said sanctions must stay. " * 40) + "\n\n") * 60  # about 95,000 characters
    [pieced] = list(pipeline.parse(nlp, [text]))
    whole = nlp(text)
    assert pieced.text == text
    assert len(list(pieced.sents)) == len(list(whole.sents))
    assert [(c.issue, c.stance) for _, c in pieced._.claims] == [(c.issue, c.stance) for _, c in whole._.claims]


def test_an_edited_catalog_or_data_file_takes_effect_when_the_pipeline_is_rebuilt(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(lexicon.DATA_DIR, copy)
    monkeypatch.setattr(lexicon, "DATA_DIR", copy)
    catalog = str(copy / "catalogs" / "ukraine-war.toml")
    text = "Quartermaster Lena Holm said a grain corridor must stay open."

    def marks(nlp):
        doc = nlp(text)
        return [s.text for s in doc.spans["roles"]], [(s.text, s.label_) for s in doc.spans["issue_cues"]]

    try:
        first = pipeline.load_pipeline(catalog=catalog)
        assert marks(first) == ([], [])
        assert pipeline.load_pipeline(catalog=catalog) is first  # nothing edited: the cached pipeline
        with open(catalog, "a", encoding="utf-8") as fh:
            fh.write("\n[[issue]]\nid = \"grain_corridor\"\nsupport = ['\\bgrain corridor\\b']\n")
        second = pipeline.load_pipeline(catalog=catalog)
        assert second is not first
        assert marks(second) == ([], [("grain corridor", "grain_corridor")])
        roles = copy / "roles.toml"
        roles.write_text(roles.read_text().replace('"president",', '"president", "quartermaster",', 1))
        third = pipeline.load_pipeline(catalog=catalog)
        assert third is not second
        assert marks(third) == (["Quartermaster"], [("grain corridor", "grain_corridor")])
    finally:
        lexicon.reload()  # the next pipeline reads the real folder again


ATTRIBUTE_TEXTS = [
    "Anna Berg said it is time. There is a plan, and there's another; I told you it.",
    "Y'all gonna see, ain't it? We got ta go, let's c'm on: somethin', nothin', 'em, 'nuff, ol' doin'.",
    "Tom Reed gets it; he got it. Do it!  Have you? Did they? It is not, isn't it?\n\n  \nEva Lind",
    "",
]


@pytest.mark.parametrize("text", ATTRIBUTE_TEXTS)
def test_attribute_ruler_matches_as_spacys_matcher(nlp, text):
    """The engine's attribute ruler (analysis.attribute_rules) finds exactly spaCy's matches."""
    from spacy.pipeline import AttributeRuler

    from analysis.attribute_rules import AttributeMatches

    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, AttributeMatches)
    doc = nlp.make_doc(text)
    for name in nlp.pipe_names[:nlp.pipe_names.index("attribute_ruler")]:
        doc = nlp.get_pipe(name)(doc)
    expected = AttributeRuler.match(ruler, doc)
    assert ruler.match(doc) == expected
    assert any(expected) or not text


@pytest.mark.parametrize("pattern, fast", [
    ([{"LOWER": "berg", "OP": "+"}], False),  # an operator
    ([{"LOWER": {"IN": ["anna", "eva"]}}, {"IS_TITLE": True}], False),  # an attribute it does not compare
    ([{"LOWER": {"IN": ["anna", "eva"]}}, {"LOWER": {"REGEX": "^b"}, "TAG": {"NOT_IN": ["VB"]}}], True),
])
def test_attribute_ruler_keeps_spacys_matcher_for_patterns_it_does_not_know(pattern, fast):
    import spacy
    from spacy.pipeline import AttributeRuler

    from analysis.attribute_rules import AttributeMatches, speed_up

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([pattern], {"NORM": "name"})
    speed_up(nlp)
    assert isinstance(ruler.match, AttributeMatches) == fast
    doc = nlp.make_doc("Anna Berg and Eva Berg met Anna Lind.")
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)
