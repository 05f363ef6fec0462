#!/usr/bin/env bash
# `npm run pack-check`: are @parley/core, @parley/audit, @parley/formats, @parley/client, @parley/solve and @parley/cli publishable?
# Builds dist/ afresh, packs the six packages, installs the tarballs into an empty folder (their
# third-party dependencies come from the npm registry; @parley/server, an optional peer, is not
# installed) and uses them there as a user would: the `parley` bin, @parley/core from Node and from
# TypeScript, and a browser bundle (esbuild, platform browser) of @parley/core + @parley/formats +
# @parley/audit.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
work="$(mktemp -d "${TMPDIR:-/tmp}/parley-pack-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "pack-check: FAIL: $*" >&2; exit 1; }
step() { echo "== pack-check: $*"; }

step "fresh build of dist/"
rm -rf packages/{core,audit,formats,client,solve,cli}/dist packages/{core,audit,formats,client,solve,cli}/tsconfig.tsbuildinfo
npm run build --silent

step "npm pack"
mkdir "$work/tarballs"
npm pack --silent -w @parley/core -w @parley/audit -w @parley/formats -w @parley/client -w @parley/solve -w @parley/cli --pack-destination "$work/tarballs" >/dev/null
for t in "$work"/tarballs/*.tgz; do
  list="$(tar -tzf "$t")"
  echo "$(basename "$t"): $(echo "$list" | wc -l) files, $(du -k "$t" | cut -f1) KiB"
  echo "$list" | grep -q '^package/README.md$' || fail "$(basename "$t") has no README.md"
  echo "$list" | grep -q '^package/dist/index.js$' || fail "$(basename "$t") has no dist/index.js"
  if echo "$list" | grep -E '^package/(src|test)/|\.test\.|tsbuildinfo'; then fail "$(basename "$t") ships sources, tests or build info (above)"; fi
done
tar -tzf "$work"/tarballs/parley-formats-*.tgz | grep -q '^package/scenarios/peace-talks-2025.yaml$' || fail "@parley/formats lacks scenarios/peace-talks-2025.yaml"

step "install the tarballs into an empty folder"
app="$work/app"
mkdir "$app" && cd "$app"
echo '{ "name": "pack-check-app", "private": true, "type": "module" }' > package.json
npm install --silent --no-audit --no-fund "$work"/tarballs/*.tgz
[ ! -e node_modules/@parley/server ] || fail "@parley/server was installed: it should be an optional peer of @parley/cli"

step "npx parley --version"
version="$(npx --no-install parley --version)"
[ "$version" = "$(node -p "require('$repo/packages/cli/package.json').version")" ] || fail "parley --version printed '$version'"

step "npx parley analyze (the built-in scenario, read from the installed @parley/formats)"
npx --no-install parley analyze > analyze.txt
grep -q "Pareto frontier" analyze.txt || fail "parley analyze printed no Pareto frontier"
head -2 analyze.txt

step "npx parley analyze --json on the repository's examples"
npx --no-install parley analyze --json "$repo/examples/ceasefire-talks.yaml" | node -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8")); if (!(j.pareto.count > 0)) process.exit(1); console.log(`ceasefire-talks.yaml: ${j.outcomes} outcomes, ${j.pareto.count} Pareto points`)'
for g in "$repo"/examples/genius/*/; do
  [ -d "$g" ] || continue
  npx --no-install parley analyze --json "$g" | node -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8")); if (!(j.pareto.count > 0)) process.exit(1); console.log(`${process.argv[1]}: ${j.outcomes} outcomes, ${j.pareto.count} Pareto points`)' "$(basename "$g")"
done

step "npx parley serve without @parley/server: exit 2 and how to install it"
status=0
npx --no-install parley serve --port 0 2> serve.err || status=$?
[ "$status" = 2 ] || fail "parley serve exited $status (expected 2)"
grep -q "npm install @parley/server" serve.err || fail "parley serve did not say how to install the server: $(cat serve.err)"

step "npx parley audit verify on the repository's sample audit log"
npx --no-install parley audit verify "$repo/examples/audit/sample-room.json" | head -1

step "Node: import @parley/core and @parley/formats/node"
node --input-type=module -e '
import { analyzeScenario, compileScenario } from "@parley/core";
import { parseScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
const parsed = parseScenario(readBuiltinScenarioText());
if (!parsed.ok) throw new Error("the built-in scenario does not parse");
const report = analyzeScenario(compileScenario(parsed.value));
console.log(`${parsed.value.id}: ${report.pareto.count} Pareto points`);
'

step "TypeScript (nodenext) sees the packages' types"
cat > check.ts <<'TS'
import { analyzeScenario, type AnalysisReport } from "@parley/core";
import { parseScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
const parsed = parseScenario(readBuiltinScenarioText());
export const report: AnalysisReport | null = parsed.ok ? analyzeScenario(parsed.value) : null;
TS
node "$repo/node_modules/typescript/bin/tsc" --noEmit --strict --module nodenext --moduleResolution nodenext --target es2022 --types node --typeRoots "$repo/node_modules/@types" check.ts

step "browser bundle (esbuild, platform browser) of @parley/core + @parley/formats + @parley/audit + @parley/client + the built-in scenario as text"
cat > entry.js <<'JS'
import { analyzeScenario, compileScenario } from "@parley/core";
import { parseScenario, scenarioToGenius } from "@parley/formats";
import builtin from "@parley/formats/scenarios/peace-talks-2025.yaml";
import { AuditLog, generateSigningKey, verifyExport } from "@parley/audit";
import { RoomClient } from "@parley/client";
const parsed = parseScenario(builtin);
if (!parsed.ok) throw new Error("the built-in scenario does not parse");
const genius = scenarioToGenius(parsed.value);
const report = analyzeScenario(compileScenario(parsed.value));
const log = new AuditLog("pack-check", generateSigningKey());
log.append({ scenario: parsed.value.id, pareto: report.pareto.count });
log.signHead(0);
const audit = verifyExport(JSON.stringify(log.toExport()));
if (!audit.ok) throw new Error("the audit log does not verify in the browser bundle");
const client = new RoomClient({ server: "http://127.0.0.1:4600", fetch: async () => new Response(JSON.stringify({ id: "r1", conveneToken: "t", invites: {} }), { status: 201 }) });
const created = await client.create({ scenario: parsed.value.id, seats: {} });
if (created.id !== "r1" || client.token !== "t") throw new Error("the room client does not work in the browser bundle");
console.log(`browser bundle: ${parsed.value.id}, ${report.pareto.count} Pareto points, GENIUS ${genius.ok}, audit log verified, room client ok`);
JS
"$repo/node_modules/.bin/esbuild" entry.js --bundle --platform=browser --format=esm --loader:.yaml=text --outfile=bundle.js --log-level=warning
if grep -nE '(from|import|require)\s*\(?\s*"node:' bundle.js | head -5; then fail "the browser bundle imports node: modules (above)"; fi
echo "bundle.js: $(du -k bundle.js | cut -f1) KiB"
node bundle.js

echo "pack-check: ok"
