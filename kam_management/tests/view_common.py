# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the web client makes of a screen, for tests of screens without a browser.

* ``search_filter_groups``: the filters of a search view in the groups the web client
  forms (``web/static/src/search/search_arch_parser.js``): a separator, a field or a
  ``<group>`` closes a group; filters of one group are OR-ed, groups are AND-ed.
* ``action_domain``: the domain a window action shows on opening, its own domain and
  the ``search_default_*`` filters of its context, combined as above.
* ``visible_buttons``: the header buttons a form shows for given field values.
"""

import ast
import datetime

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.osv import expression
from odoo.tools import safe_eval as safe_eval_module
from odoo.tools.safe_eval import safe_eval


def eval_context(env):
    """Names a domain or ``invisible`` expression of a view may use."""
    today = datetime.date.today()
    return {
        "uid": env.uid,
        "context_today": lambda: today,
        "datetime": safe_eval_module.datetime,
        "relativedelta": relativedelta,
        "time": safe_eval_module.time,
        "context": dict(env.context),
        "allowed_company_ids": env.companies.ids,
        "current_company_id": env.company.id,
    }


def search_filter_groups(model, view_id=None):
    """``[[(filter name, domain string)]]`` of the model's search view."""
    arch = model.get_views([(view_id, "search")])["views"]["search"]["arch"]
    groups, current = [], []

    def close():
        nonlocal current
        if current:
            groups.append(current)
        current = []

    def visit(node):
        for child in node:
            if child.tag == "separator" or child.tag == "field":
                close()
            elif child.tag == "group":
                close()
                visit(child)
                close()
            elif child.tag == "filter":
                if child.get("context") and "group_by" in child.get("context"):
                    close()
                    continue
                if child.get("date"):
                    continue
                current.append((child.get("name"), child.get("domain") or "[]"))

    visit(etree.fromstring(arch))
    close()
    return groups


def default_filters_domain(model, context, view_id=None):
    """The domain of the ``search_default_*`` filters of ``context`` (a dict) in
    the search view of ``model`` (its default one unless ``view_id``)."""
    defaults = {
        key[len("search_default_") :]
        for key, value in context.items()
        if key.startswith("search_default_") and value
    }
    evaluation = eval_context(model.env)
    domains = []
    for group in search_filter_groups(model, view_id):
        active = [
            safe_eval(domain, evaluation) for name, domain in group if name in defaults
        ]
        if active:
            domains.append(expression.OR(active))
    return expression.AND(domains or [[]])


def default_group_by(model, context, view_id=None):
    """The fields of the ``search_default_*`` group-by filters of ``context``."""
    arch = model.get_views([(view_id, "search")])["views"]["search"]["arch"]
    fields = []
    for node in etree.fromstring(arch).iter("filter"):
        if context.get(f"search_default_{node.get('name')}") and node.get("context"):
            group_by = safe_eval(node.get("context")).get("group_by")
            if group_by:
                fields.append(group_by)
    return fields


def action_domain(env, xmlid, user):
    """The domain the action's records are read with when ``user`` opens it."""
    action = env.ref(xmlid).sudo()
    model = env[action.res_model].with_user(user)
    evaluation = eval_context(model.env)
    return expression.AND(
        [
            safe_eval(action.domain or "[]", evaluation),
            default_filters_domain(
                model,
                safe_eval(action.context or "{}", evaluation),
                action.search_view_id.id or None,
            ),
        ]
    )


def open_menu(env, xmlid, user):
    """The window action the menu ``xmlid`` opens for ``user``, as a dict (a server
    action behind the menu runs, as the web client's /web/action/run does)."""
    action = env.ref(xmlid).action.with_user(user)
    if action._name == "ir.actions.server":
        return action.run()
    return action.sudo()._get_action_dict()


def board_blocks(env, action, user):
    """The blocks of the board ``action`` (a window action dict on board.board) as
    ``user`` sees them: ``[{"title", "model", "view_mode", "view_id", "domain",
    "context", "group_by"}]``, the domain being the block's own and its default
    filters', as the board's web component loads them; ``group_by`` the graph's
    groupings (``graph_groupbys``) or the default group-by filters'."""
    board = env["board.board"].with_user(user)
    view_id = action["views"][0][0] if action.get("views") else action["view_id"][0]
    arch = board.get_view(view_id, "form")["arch"]
    blocks = []
    for node in etree.fromstring(arch).iter("action"):
        window = env["ir.actions.act_window"].sudo().browse(int(node.get("name")))
        model = env[window.res_model].with_user(user)
        evaluation = eval_context(model.env)
        context = safe_eval(node.get("context") or "{}", evaluation)
        views = {mode: view for view, mode in window._get_action_dict()["views"]}
        blocks.append(
            {
                "title": node.get("string"),
                "model": model,
                "view_mode": node.get("view_mode"),
                "view_id": views.get(node.get("view_mode")) or False,
                "domain": expression.AND(
                    [
                        safe_eval(node.get("domain") or "[]", evaluation),
                        default_filters_domain(
                            model, context, window.search_view_id.id or None
                        ),
                    ]
                ),
                "context": context,
                "group_by": context.get("graph_groupbys")
                or default_group_by(model, context, window.search_view_id.id or None),
            }
        )
    return blocks


def _field_value(record, name):
    value = record[name]
    field = record._fields[name]
    if field.type == "many2one":
        return value.id
    if field.type in ("one2many", "many2many"):
        return value.ids
    return value


def visible_buttons(record, values=None, view_id=None, css_classes=None):
    """Names (or ids) of the header buttons the form of ``record`` shows, its field
    values overridden by ``values``; only those with one of ``css_classes`` when
    given."""
    arch = record.get_views([(view_id, "form")])["views"]["form"]["arch"]
    shown = []
    for button in etree.fromstring(arch).iterfind(".//header/button"):
        classes = set((button.get("class") or "").split())
        if css_classes and not classes & set(css_classes):
            continue
        invisible = button.get("invisible") or "False"
        names = {
            node.id
            for node in ast.walk(ast.parse(invisible, mode="eval"))
            if isinstance(node, ast.Name)
        }
        context = eval_context(record.env)
        context.update(
            {
                name: _field_value(record, name)
                for name in names
                if name in record._fields
            }
        )
        context.update(values or {})
        if not safe_eval(invisible, context):
            shown.append(button.get("id") or button.get("name"))
    return shown


def list_specification(model, view_id=None):
    """The ``web_search_read`` specification of the list view of ``model``, as the
    web client builds it: every field of the arch, relations with their name."""
    arch = model.get_views([(view_id, "list")])["views"]["list"]["arch"]
    specification = {}
    for node in etree.fromstring(arch).iter("field"):
        field = model._fields[node.get("name")]
        invisible = node.get("column_invisible") in ("True", "1")
        if field.type == "many2one":
            # getFieldsSpec (web/static/src/model/relational_model/utils.js)
            specification[field.name] = {
                "fields": {} if invisible else {"display_name": {}}
            }
        elif field.type in ("one2many", "many2many"):
            specification[field.name] = {"fields": {"display_name": {}}}
        else:
            specification[field.name] = {}
    return specification
