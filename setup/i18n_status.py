#!/usr/bin/env python3
# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""State of the add-ons' translations against their .pot files, and merging.

Run it with the virtualenv's python (polib comes with Odoo's requirements):

    $VENV/bin/python setup/i18n_status.py              # summary per add-on and language
    $VENV/bin/python setup/i18n_status.py -v           # ... and every problem entry
    $VENV/bin/python setup/i18n_status.py --check      # exit 1 when anything is left
    $VENV/bin/python setup/i18n_status.py merge        # az.po/ru.po up to the .pot

``merge`` has msgmerge's semantics: the .po takes the .pot's entries in the .pot's
order (with their references and comments), keeps the existing translation of every
msgid (and its fuzzy flag), adds new entries with an empty msgstr and drops entries
the .pot no longer has. A missing .po is created. After ``make pot`` run ``merge``,
translate the empty and fuzzy entries, then ``--check``.

The checks (also used by tests/test_translations.py) report, per add-on and language:
entries of the .pot missing from the .po, untranslated, fuzzy, obsolete (in the .po
but no longer in the .pot), and translations whose placeholders (``%(name)s``, ``%s``,
``%d``, ``%%``), HTML tags or QWeb ``t-`` tags differ from the source.
"""

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("kam_management", "kam_receivables", "kam_job_description")
LANGS = ("az", "ru")
HEADERS = {
    "az": {"Language": "az", "Plural-Forms": "nplurals=2; plural=(n != 1);"},
    "ru": {
        "Language": "ru",
        "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    },
}
LANG_NAMES = {"az": "Azerbaijani", "ru": "Russian"}

# printf-style placeholders as Python formats them: %(name)s, %s, %d, %.2f, %%.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[#0+-]?\d*(?:\.\d+)?[sdfir%]")
# HTML and QWeb tags: compared whole (with their attributes), except that the text of
# a translatable attribute is not part of the comparison.
TAG = re.compile(r"</?[A-Za-z][^<>]*?/?>")
TRANSLATED_ATTR = re.compile(
    r'\s(?:string|placeholder|title|alt|aria-label|help|confirm|sum|avg)="[^"]*"'
)
# Odoo's inline templates in mail subjects and reports: {{ ... }}.
INLINE = re.compile(r"\{\{.*?\}\}")


def key(entry):
    return (entry.msgctxt, entry.msgid)


def pot_path(addon):
    return ROOT / addon / "i18n" / f"{addon}.pot"


def po_path(addon, lang):
    return ROOT / addon / "i18n" / f"{lang}.po"


def placeholders(text):
    """The printf placeholders of a text: named ones as a multiset, positional in
    order (a translation may reorder %(name)s but not %s)."""
    found = PLACEHOLDER.findall(text)
    named = Counter(p for p in found if p.startswith("%("))
    positional = [p for p in found if not p.startswith("%(")]
    return named, positional


def tags(text):
    return Counter(
        TRANSLATED_ATTR.sub("", re.sub(r"\s+", " ", tag)) for tag in TAG.findall(text)
    )


def markup_problems(msgid, msgstr):
    """Why msgstr cannot stand in for msgid (empty list when it can)."""
    problems = []
    if placeholders(msgid) != placeholders(msgstr):
        problems.append(
            f"placeholders differ: {PLACEHOLDER.findall(msgid)}"
            f" vs {PLACEHOLDER.findall(msgstr)}"
        )
    elif PLACEHOLDER.search(msgid) and (
        PLACEHOLDER.sub("", msgstr).count("%") > PLACEHOLDER.sub("", msgid).count("%")
    ):
        problems.append("a bare % in a formatted string must be written %%")
    if tags(msgid) != tags(msgstr):
        problems.append(
            f"tags differ: {sorted(tags(msgid).elements())}"
            f" vs {sorted(tags(msgstr).elements())}"
        )
    if Counter(INLINE.findall(msgid)) != Counter(INLINE.findall(msgstr)):
        problems.append("{{ }} expressions differ")
    return problems


def expression_problems(msgstr):
    """A report's file name is a Python expression: its translation must be one."""
    try:
        compile(msgstr, "<translation>", "eval")
    except SyntaxError as error:
        return [f"not a Python expression: {error.msg}"]
    return []


def check(addon, lang):
    """Problems of an add-on's <lang>.po against its .pot (see check_file)."""
    return check_file(pot_path(addon), po_path(addon, lang))


def check_file(pot_file, po_file):
    """Problems of one .po against its .pot, as a dict of lists of messages."""
    report = {
        "missing": [],
        "untranslated": [],
        "fuzzy": [],
        "obsolete": [],
        "markup": [],
    }
    pot = polib.pofile(str(pot_file))
    path = Path(po_file)
    if not path.exists():
        report["missing"] = [e.msgid for e in pot]
        return report
    po = polib.pofile(str(path))
    wanted = {key(e) for e in pot}
    have = {key(e): e for e in po if not e.obsolete}
    for entry in pot:
        found = have.get(key(entry))
        if found is None:
            report["missing"].append(entry.msgid)
        elif not found.msgstr:
            report["untranslated"].append(entry.msgid)
        elif "fuzzy" in found.flags:
            report["fuzzy"].append(entry.msgid)
        else:
            problems = markup_problems(found.msgid, found.msgstr)
            if any("print_report_name" in ref for ref, _line in entry.occurrences):
                problems += expression_problems(found.msgstr)
            for problem in problems:
                report["markup"].append(f"{entry.msgid!r}: {problem}")
    for entry in po:
        if entry.obsolete or key(entry) not in wanted:
            report["obsolete"].append(entry.msgid)
    return report


def merge(addon, lang):
    """Brings an add-on's <lang>.po up to its .pot (see merge_file)."""
    return merge_file(pot_path(addon), po_path(addon, lang), lang, addon)


def merge_file(pot_file, po_file, lang, addon):
    """Brings a .po up to its .pot; returns (added, dropped) counts."""
    pot = polib.pofile(str(pot_file))
    path = Path(po_file)
    old = polib.pofile(str(path)) if path.exists() else None
    known = {key(e): e for e in old if not e.obsolete} if old else {}
    new = polib.POFile(wrapwidth=78)  # the layout of Odoo's own exports
    new.header = (
        "Translation of Odoo Server.\n"
        f"This file contains the {LANG_NAMES[lang]} translation of the following "
        f"modules:\n\t* {addon}\n"
    )
    metadata = {
        "Project-Id-Version": "Odoo Server 18.0",
        "Report-Msgid-Bugs-To": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "",
    }
    if old:
        metadata.update(
            {k: v for k, v in old.metadata.items() if k not in ("POT-Creation-Date",)}
        )
    metadata.update(HEADERS[lang])
    new.metadata = metadata
    added = 0
    for entry in pot:
        previous = known.get(key(entry))
        merged = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgstr=previous.msgstr if previous else "",
            occurrences=entry.occurrences,
            comment=entry.comment,
            tcomment=previous.tcomment if previous else "",
            flags=[f for f in entry.flags if f != "fuzzy"]
            + (["fuzzy"] if previous and "fuzzy" in previous.flags else []),
        )
        added += previous is None
        new.append(merged)
    dropped = len(set(known) - {key(e) for e in pot})
    new.save(str(path))
    return added, dropped


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", choices=("status", "merge"))
    parser.add_argument("--addon", action="append", choices=ADDONS)
    parser.add_argument("--lang", action="append", choices=LANGS)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--check", action="store_true", help="exit 1 on any problem")
    args = parser.parse_args(argv)
    addons = args.addon or ADDONS
    langs = args.lang or LANGS
    if args.command == "merge":
        for addon in addons:
            for lang in langs:
                added, dropped = merge(addon, lang)
                print(f"{addon}/i18n/{lang}.po: {added} new, {dropped} dropped")
    failed = False
    for addon in addons:
        total = len(polib.pofile(str(pot_path(addon))))
        for lang in langs:
            report = check(addon, lang)
            counts = ", ".join(f"{len(v)} {k}" for k, v in report.items())
            print(f"{addon} {lang}: {total} entries; {counts}")
            failed = failed or any(report.values())
            if args.verbose:
                for kind, items in report.items():
                    for item in items:
                        print(f"  {kind}: {item!r}"[:300])
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
