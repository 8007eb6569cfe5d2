# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every add-on is complete in Azerbaijani and Russian: each entry of its .pot is
translated (not fuzzy) in i18n/az.po and i18n/ru.po, no stale entry is left, and
each translation keeps the placeholders and tags of its source.

Pure Python (no database). After `make pot`, `setup/i18n_status.py merge` brings
the .po files up to date and `setup/i18n_status.py -v` lists what is left.
"""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "i18n_status", ROOT / "setup" / "i18n_status.py"
)
i18n = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n)

CASES = [(addon, lang) for addon in i18n.ADDONS for lang in i18n.LANGS]
HINT = "run setup/i18n_status.py merge, then translate (setup/i18n_status.py -v)"


@pytest.fixture(scope="module")
def reports():
    return {case: i18n.check(*case) for case in CASES}


@pytest.mark.parametrize("addon,lang", CASES)
def test_every_entry_is_translated(reports, addon, lang):
    report = reports[addon, lang]
    for kind in ("missing", "untranslated", "fuzzy"):
        assert not report[kind], (
            f"{addon}/i18n/{lang}.po: {kind} {report[kind]}; {HINT}"
        )


@pytest.mark.parametrize("addon,lang", CASES)
def test_no_stale_entry(reports, addon, lang):
    stale = reports[addon, lang]["obsolete"]
    assert not stale, f"{addon}/i18n/{lang}.po: not in the .pot: {stale}; {HINT}"


@pytest.mark.parametrize("addon,lang", CASES)
def test_placeholders_and_tags_are_kept(reports, addon, lang):
    broken = reports[addon, lang]["markup"]
    assert not broken, f"{addon}/i18n/{lang}.po:\n" + "\n".join(broken)


@pytest.mark.parametrize(
    "msgid,msgstr",
    [
        ("%(order)s exceeds %(limit)s", "%(order)s превышает %(limt)s"),
        ("Limit %s of %s", "Лимит %s"),
        ("%(total)s %%; 100 %%", "%(total)s %; 100 %"),
        ("%(total).2f", "%(total)s"),
        ("<strong>KAM:</strong>", "<b>Менеджер:</b>"),
        ('<span class="o_stat_text">Revenue</span>', "<span>Выручка</span>"),
        ('<p>Dear <t t-out="object.name"/>,</p>', "<p>Hörmətli müştəri,</p>"),
        ("{{ object.name }}: overdue", "{{ object.nam }}: просрочено"),
    ],
)
def test_checker_finds_broken_markup(msgid, msgstr):
    assert i18n.markup_problems(msgid, msgstr)


@pytest.mark.parametrize(
    "msgid,msgstr",
    [
        ("%(a)s then %(b)s", "%(b)s, затем %(a)s"),
        ("The weights add up to %(total)s %%.", "Cəmi %(total)s %% təşkil edir."),
        ("The cap must be at least 100 % of the pay.", "Не менее 100 % оплаты."),
        ("<span>Version </span>", "<span>Versiya </span>"),
        ('<input placeholder="e.g. Gold"/>', '<input placeholder="məs. Qızıl"/>'),
    ],
)
def test_checker_accepts_good_translations(msgid, msgstr):
    assert not i18n.markup_problems(msgid, msgstr)


def test_checker_finds_broken_report_file_name():
    assert i18n.expression_problems("'Акт сверки - %s' % (object.name)") == []
    assert i18n.expression_problems("'Акт сверки - %s % (object.name)")


def _write_pot(path, entries):
    pot = i18n.polib.POFile()
    pot.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgid in entries:
        pot.append(i18n.polib.POEntry(msgid=msgid, msgstr=""))
    pot.save(str(path))


def test_merge_keeps_adds_and_drops(tmp_path):
    pot, po = tmp_path / "x.pot", tmp_path / "ru.po"
    _write_pot(pot, ["Kept", "Fuzzy", "Gone"])
    i18n.merge_file(pot, po, "ru", "x")
    old = i18n.polib.pofile(str(po))
    old.find("Kept").msgstr = "Оставлено"
    old.find("Fuzzy").msgstr = "Неточно"
    old.find("Fuzzy").flags.append("fuzzy")
    old.find("Gone").msgstr = "Удалено"
    old.save()
    _write_pot(pot, ["New", "Kept", "Fuzzy"])

    assert i18n.merge_file(pot, po, "ru", "x") == (1, 1)

    merged = i18n.polib.pofile(str(po))
    assert [e.msgid for e in merged] == ["New", "Kept", "Fuzzy"]
    assert [e.msgstr for e in merged] == ["", "Оставлено", "Неточно"]
    assert "fuzzy" in merged.find("Fuzzy").flags
    assert merged.metadata["Language"] == "ru"
    report = i18n.check_file(pot, po)
    assert report["untranslated"] == ["New"]
    assert report["fuzzy"] == ["Fuzzy"]
    assert not report["obsolete"]
