# Thin wrappers over scripts/: see README.md.
.PHONY: run test bench lint services-start services-stop install

run:
	scripts/run.sh

test:
	scripts/test.sh

bench:
	scripts/bench.sh

lint:
	scripts/bootstrap.sh test
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports

install:
	scripts/bootstrap.sh run

services-start:
	scripts/services.sh start

services-stop:
	scripts/services.sh stop
