"""The two locale files stay in step (no server needed)."""
import re


def test_both_languages_have_the_same_keys(texts):
    assert set(texts["en"]) == set(texts["zh-Hans"])


def test_placeholders_match(texts):
    for key, english in texts["en"].items():
        assert sorted(re.findall(r"\{\d\}", english)) == sorted(re.findall(r"\{\d\}", texts["zh-Hans"][key])), key


def test_no_key_is_also_a_prefix_of_another(texts):
    # Templates walk dotted keys segment by segment: `a.b` cannot be both a text and a group.
    keys = set(texts["en"])
    clashes = [k for k in keys if any(k.startswith(other + ".") for other in keys)]
    assert not clashes


def test_no_text_is_empty(texts):
    for language, table in texts.items():
        assert all(value.strip() for value in table.values()), language
