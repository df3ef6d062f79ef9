#!/bin/bash
# Runs the command given as arguments (a `tradelint check ... --format compact` of
# listings-v1) and prints its lines in the workload's shape: the compact format adds
# `"not_covered":true` to a market no ruleset of its own covers (CA here: only the rules of all
# markets, 23 to 25, reach it; docs/cli.md, "Verdicts"), a member the workload's line has
# no place for. Nothing else is changed. Exit status: the command's, else sed's.
#
#   bench/listings-v1/workload-lines.sh build/tools/tradelint/tradelint check --rules ... -
set -euo pipefail
"$@" | sed 's/,"not_covered":true}$/}/'
