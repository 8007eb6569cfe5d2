"""Static checks of the add-ons that pylint-odoo does not make.

Every XML file parses; every file the manifest names exists and every XML/CSV data
file is named by the manifest; no view uses syntax Odoo 18 removed (``<tree>``,
``attrs=``, ``states=``); each add-on has readme fragments, an icon and a .pot file.
Exits non-zero with one line per problem.
"""

import ast
import re
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
VERSION = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
DATA_DIRS = ("data", "demo", "report", "security", "views", "wizards")


def check_addon(addon):
    problems = []
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    name = addon.name
    if not VERSION.match(manifest.get("version", "")):
        problems.append(f"{name}: version must look like 18.0.x.y.z")
    if manifest.get("license") != "LGPL-3":
        problems.append(f"{name}: license must be LGPL-3")
    listed = set()
    for key in ("data", "demo"):
        for rel in manifest.get(key, []):
            listed.add(rel)
            if not (addon / rel).is_file():
                problems.append(f"{name}: manifest {key} names missing file {rel}")
    for folder in DATA_DIRS:
        for path in sorted((addon / folder).glob("*")):
            rel = path.relative_to(addon).as_posix()
            if path.suffix in (".xml", ".csv") and rel not in listed:
                problems.append(f"{name}: {rel} is not loaded by the manifest")
    for path in sorted(addon.rglob("*.xml")):
        rel = path.relative_to(ROOT)
        try:
            tree = etree.parse(str(path))
        except etree.XMLSyntaxError as exc:
            problems.append(f"{rel}: {exc}")
            continue
        for node in tree.iter("tree"):
            problems.append(f"{rel}:{node.sourceline}: use <list>, not <tree>")
        for attr in ("attrs", "states"):
            for node in tree.xpath(f"//*[@{attr}]"):
                if node.tag != "field" or attr != "states":
                    problems.append(
                        f"{rel}:{node.sourceline}: '{attr}=' is gone in Odoo 18"
                    )
    for rel in (
        "readme/DESCRIPTION.md",
        "static/description/icon.png",
        f"i18n/{name}.pot",
    ):
        if not (addon / rel).is_file():
            problems.append(f"{name}: {rel} is missing")
    return problems


def main():
    addons = sorted(p.parent for p in ROOT.glob("*/__manifest__.py"))
    problems = [problem for addon in addons for problem in check_addon(addon)]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
