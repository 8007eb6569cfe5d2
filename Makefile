# KAM Suite — see README.md. Every target works from a fresh clone.
.PHONY: demo test test-odoo test-compat lint pot setup bench load

setup:  ## get Odoo 18.0 and the virtualenv into the cache
	setup/bootstrap >/dev/null

demo:  ## serve Odoo with the three add-ons and demo data on http://localhost:8069
	setup/demo

test:  ## run every test (pytest, browser tours, Odoo's own sale tests included)
	setup/test

test-odoo:  ## run the add-ons' tests through odoo-bin --test-enable
	setup/test --odoo-bin

test-compat:  ## Odoo's own /sale, /sale_management, /account, /hr and /calendar tests with the add-ons installed (long)
	setup/test-compat

lint:  ## ruff, pylint-odoo and the XML/manifest checks, as pre-commit runs them
	setup/lint

pot:  ## regenerate i18n/<module>.pot from a database with the add-ons installed
	setup/pot

bench:  ## side by side with OCA's risk modules on generated data, then the load scenario (bench/README.md)
	setup/bench

load:  ## the load scenario alone: Odoo --workers 4, 16 KAM sessions for 60 s, invariants
	setup/load
