# diplomatic-kg: every set-up step lives here, so a fresh machine needs only Python 3.11+ and make.
# setup installs the package with its test and dask extras (the Dask engine is tested with real workers).
#   make export   set up, export the bundled example corpus (plus the seed and the FRUS and CMIF files of
#                 ../shared/data, if ../shared is there) to output/,
#                 draw the actor map output/actors.html, load the export into the embedded store store/
#                 and answer one catalogue query from it
#   make test     set up, start Oxigraph server and Virtuoso on 127.0.0.1 (.ci/stores.sh; Virtuoso
#                 needs root to install from Debian, else its tests skip), run the whole test suite, stop them

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS := $(wildcard ../shared/seeds/*.txt)
SHARED_DATA := $(wildcard ../shared/data/frus ../shared/data/cmif)

.PHONY: setup export test screenshot clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test,dask]"
	touch $@

export: setup
	$(BIN)/kg export examples $(SEEDS) $(SHARED_DATA) --out output
	$(BIN)/kg viz output
	$(BIN)/kg load output --store store
	$(BIN)/kg query --store store sent-to-a-place

test: setup
	bash .ci/stores.sh $(BIN)/python -m pytest -q

screenshot: setup
	KG_SCREENSHOT=1 $(BIN)/python -m pytest -q tests/test_viz.py -k screenshot_is_not_blank

clean:
	rm -rf $(VENV) store output/*.ttl output/*.trig output/*.nq output/*.txt output/*.json output/*.graphml output/*.gexf output/*.xml output/*.csv
