# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os

import polib
from lxml import etree

from odoo.modules.module import get_module_path
from odoo.tests import tagged

from .common import KamCommon

ADDONS = ("kam_management", "kam_receivables", "kam_job_description")
LANGS = {"az_AZ": "az", "ru_RU": "ru"}
# attributes of a view node that the user reads
LABEL_ATTRIBUTES = ("string", "help", "placeholder", "title", "confirm", "sum")


@tagged("post_install", "-at_install")
class TestScreensTranslated(KamCommon):
    """An Azerbaijani or Russian user meets no English label of ours: the menus,
    actions, views and fields of the three add-ons, read in az and ru, show none of
    the English terms whose translation differs from them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in LANGS:
            cls.env["res.lang"]._activate_lang(code)
        cls.modules = (
            cls.env["ir.module.module"]
            .search([("name", "in", ADDONS), ("state", "=", "installed")])
            .mapped("name")
        )
        cls.env["ir.module.module"]._load_module_terms(
            cls.modules, list(LANGS), overwrite=True
        )
        # per language, the English terms of our .po files that read differently
        # once translated: meeting one of them on a screen means it stayed English
        cls.english = {}
        for code, short in LANGS.items():
            terms = set()
            for module in cls.modules:
                path = os.path.join(get_module_path(module), "i18n", f"{short}.po")
                terms |= {
                    entry.msgid.strip()
                    for entry in polib.pofile(path)
                    if entry.msgstr.strip()
                    and entry.msgstr.strip() != entry.msgid.strip()
                }
            cls.english[code] = terms

    def _records_of(self, model):
        data = self.env["ir.model.data"].search(
            [("module", "in", self.modules), ("model", "=", model)]
        )
        return self.env[model].browse(data.mapped("res_id")).exists()

    def _english(self, code, labels):
        return sorted({label for label in labels if label in self.english[code]})

    def test_menus_and_actions(self):
        menus = self._records_of("ir.ui.menu")
        actions = self._records_of("ir.actions.act_window")
        self.assertGreater(len(menus), 20)
        for code in LANGS:
            with self.subTest(lang=code):
                names = menus.with_context(lang=code).mapped("name")
                names += actions.with_context(lang=code).mapped("name")
                self.assertEqual(self._english(code, names), [])

    def test_views(self):
        views = self._records_of("ir.ui.view").filtered(
            lambda view: view.type not in ("qweb",)
        )
        self.assertGreater(len(views), 50)
        for code in LANGS:
            labels = []
            for view in views.with_context(lang=code):
                root = etree.fromstring(view.arch_db.encode())
                for node in root.iter():
                    if not isinstance(node.tag, str):
                        continue
                    labels += [node.get(attr) for attr in LABEL_ATTRIBUTES]
                    labels += [node.text, node.tail]
            labels = [label.strip() for label in labels if label and label.strip()]
            with self.subTest(lang=code):
                self.assertEqual(self._english(code, labels), [])

    def test_field_labels_and_selections(self):
        fields = self._records_of("ir.model.fields")
        models = set(fields.mapped("model"))
        self.assertIn("kam.visit", models)
        for code in LANGS:
            labels, checked = [], set()
            for model in models:
                if model not in self.env:
                    continue
                # fields our add-ons define (not those of Odoo's mixins, e.g. the
                # activity state, whose terms come with Odoo's own translations)
                ours = [
                    name
                    for name in fields.filtered(lambda f, m=model: f.model == m).mapped(
                        "name"
                    )
                    if name in self.env[model]._fields
                    and self.env[model]._fields[name]._module in self.modules
                ]
                if not ours:  # fields_get([]) would describe every field
                    continue
                checked.update((model, name) for name in ours)
                described = (
                    self.env[model]
                    .with_context(lang=code)
                    .fields_get(ours, ["string", "help", "selection"])
                )
                for description in described.values():
                    labels += [description.get("string"), description.get("help")]
                    labels += [name for __, name in description.get("selection") or []]
            labels = [label.strip() for label in labels if label and label.strip()]
            self.assertIn(("res.partner", "kam_tier_id"), checked)
            self.assertIn(("kam.refusal.report", "category"), checked)
            with self.subTest(lang=code):
                self.assertEqual(self._english(code, labels), [])

    def test_the_check_finds_an_english_label(self):
        """The check would see a label left in English."""
        menu = self.env.ref("kam_management.kam_root_menu")
        for code in LANGS:
            english = menu.with_context(lang="en_US").name
            self.assertEqual(self._english(code, [english]), [english])
            self.assertEqual(
                self._english(code, [menu.with_context(lang=code).name]), []
            )
