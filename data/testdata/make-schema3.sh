#!/usr/bin/env bash
# make-schema3.sh writes schema3.db.gz and schema3.expect/ with the build
# of commit ec8b616 (the last to write schema 3). See README.md.
#
#   git clone /path/to/partnerdesk /tmp/v3build
#   git -C /tmp/v3build checkout ec8b616
#   (cd /tmp/v3build && go build -o pd .)
#   data/testdata/make-schema3.sh /tmp/v3build/pd
#
# The file is the demo company (twelve months through 2026-06-30, settled
# the demo's way: computes, approvals, payouts, closes) plus changes made
# through the verbs that write sales, each named below. The dumps are what
# that same binary prints; the test compares what the current code reads
# with them.
set -euo pipefail

PD=${1:?usage: make-schema3.sh PATH-TO-THE-SCHEMA-3-BINARY}
PD=$(cd "$(dirname "$PD")" && pwd)/$(basename "$PD")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB=$WORK/schema3.db
pd() { "$PD" --db "$DB" "$@"; }

# 1. The demo company: partners, reps and customers with accents and in
#    other scripts, returns naming their invoice, split credits,
#    registrations, referral codes; months computed, approved, paid and
#    closed through 2026-Q1; 2026-04..06 approved or drafts.
pd demo --through 2026-06-30 2>/dev/null

# 2. A CSV import of sales: invoices of several lines, a split credit, a
#    return naming its original invoice, customers with accents and in
#    Japanese.
cat >"$WORK/sales.csv" <<'EOF'
date,partner,rep,customer,new_customer,new_product,product,quantity,unit_price,net,invoice,line,registration,referral_code,original_invoice,splits,booked
2026-05-12,Bürotechnik Großmann KG,Anja Köhler,Bäckerei Weißbrot & Söhne,yes,yes,NL-ENT-LIC,3,1490,4470,UPG-2026-0001,1,,,,,
2026-05-12,Bürotechnik Großmann KG,Anja Köhler,Bäckerei Weißbrot & Söhne,no,yes,SVC-IMPL,2.5,950,2375,UPG-2026-0001,2,,,,,
2026-05-12,Bürotechnik Großmann KG,Anja Köhler,Bäckerei Weißbrot & Söhne,no,yes,NL-CLOUD-PRO,40,24,960,UPG-2026-0001,3,,,,,
2026-05-14,Réseaux & Systèmes Lefèvre SAS,Élodie Bernard,Crêperie Île-de-Bréhat,yes,yes,NL-PRO-LIC,5,690,3450,UPG-2026-0002,1,,,,"Réseaux & Systèmes Lefèvre SAS:60;Catalunya Núvol S.L.:40",
2026-05-14,Réseaux & Systèmes Lefèvre SAS,Élodie Bernard,Crêperie Île-de-Bréhat,no,yes,SVC-TRAIN,1,702,702,UPG-2026-0002,2,,,,,
2026-05-20,Catalunya Núvol S.L.,Álvaro Ruiz,Ñoquis Peña & Cía,yes,yes,NL-BACKUP,12,45,540,UPG-2026-0003,1,,,,,
2026-05-28,Bürotechnik Großmann KG,,Bäckerei Weißbrot & Söhne,no,no,SVC-IMPL,-0.5,950,-475,UPG-CN-0001,1,,,UPG-2026-0001,,
2026-06-02,株式会社さくらシステム,,東京ラーメン株式会社,yes,yes,NL-CLOUD-ENT,100,39,3900,UPG-2026-0004,1,,,,,
2026-06-02,株式会社さくらシステム,,東京ラーメン株式会社,no,yes,HW-SENSOR,2,390,780,UPG-2026-0004,2,,,,,
EOF
pd --operator "Jürgen Ößwald" import sales "$WORK/sales.csv"
first=$(pd sales 2026-05 --format json | jq '[.[] | select(.invoice == "UPG-2026-0001")][0].id')

# 3. Sales entered one by one: an invoice of two lines, a single line.
pd sale-add --date 2026-06-10 --partner "Zürcher Cloudwerk AG" --product NL-SECGW --qty 4 --price 89 \
	--invoice "ZC/2026/Ü-17" --customer "Confiserie Sprüngli-Ähnlich AG" --line 1 --new-customer
pd sale-add --date 2026-06-10 --partner "Zürcher Cloudwerk AG" --product SVC-SUPPORT --qty 1 --price 1200 \
	--invoice "ZC/2026/Ü-17" --customer "Confiserie Sprüngli-Ähnlich AG" --line 2 --new-product
single=$(pd sale-add --date 2026-06-11 --partner "Zürcher Cloudwerk AG" --product NL-ESS-LIC --qty 2 --price 290 \
	--invoice "ZC/2026/Ü-18" --customer "Œnologie Müller" --line 1 | awk '{print $2}')

# 4. Sales corrected and removed: one moved to another month with a new
#    customer, quantity and net (its date and invoice indexes move); the
#    split line renumbered to another invoice; the second line of the
#    Japanese invoice removed.
pd --operator "Jürgen Ößwald" sale-edit "$single" --date 2026-05-29 --qty 3 --net 870 --customer "Œnologie Müller-Łukasiewicz"
pd sale-edit $((first + 3)) --invoice UPG-2026-0002A
pd sale-remove $((first + 8))

# 5. A return entered by hand, naming its original invoice.
pd sale-add --date 2026-06-25 --partner "Zürcher Cloudwerk AG" --product NL-SECGW --qty -1 --price 89 \
	--invoice "ZC/CN/2026/1" --customer "Confiserie Sprüngli-Ähnlich AG" --original "ZC/2026/Ü-17"

# 6. A sale in April, then April's money lines paid (one payout per payee)
#    and April closed.
pd sale-add --date 2026-04-20 --partner "Genève Informatique Sàrl" --product NL-PRO-LIC --qty 2 --price 690 \
	--invoice "GE-2026-0420" --customer "Horlogerie Lémanique Sàrl"
pd lines 2026-04 --status approved --format json |
	jq -r '[.[] | select(.unit == "money")] | group_by([.payee_kind, .payee_id])[] |
		"\(if .[0].payee_kind == "partner" then "P" else "R" end)\(.[0].payee_id) \(map(.id | tostring) | join(","))"' |
	while read -r payee ids; do
		pd pay --lines "$ids" --method transfer --reference "UPG-PAY-$payee" --date 2026-05-15 --payee "$payee"
	done
pd --operator "Jürgen Ößwald" close 2026-04

# 7. A late sale dated in closed April (booked on the day this runs).
pd sale-add --date 2026-04-22 --partner "Genève Informatique Sàrl" --product NL-PRO-LIC --qty 1 --price 690 \
	--invoice "GE-2026-0422" --customer "Café Zoë & Jürg" --yes

# 8. May recomputed with the new sales, two of its draft lines approved.
pd compute 2026-05
pd approve 2026-05 --lines "$(pd lines 2026-05 --status draft --format json | jq -r '.[0:2] | map(.id | tostring) | join(",")')" --yes
pd compute 2026-Q2

# 9. Some reading verbs write: funds and points post the expiries due,
#    invoices numbers the payouts. Run them once here, so that the dumps
#    below read a file that no longer changes (checked by its last audit
#    entry and its count of records: every open commits a transaction, so
#    the bytes change even when nothing does).
for kind in funds points invoices claims; do
	pd "$kind" >/dev/null
done
pd check
state() { echo "$(pd audit --limit 1 --format json | jq '.[0].Entry.id') $(pd check | sed 's/.*schema/schema/')"; }
before=$(state)

# The dumps, all by the same binary.
EXP=$HERE/schema3.expect
rm -rf "$EXP"
mkdir -p "$EXP"
pd check | sed "s|$DB|schema3.db|" >"$EXP/check.txt"
pd company >"$EXP/company.txt"
pd periods >"$EXP/periods.txt"
pd programs >"$EXP/programs.txt"
for kind in partners reps products registrations claims invoices funds points; do
	pd "$kind" --format json >"$EXP/$kind.json"
done
pd audit --limit 100000000 --format json >"$EXP/audit.json"
# Sales by the month they are booked in, and reward lines by period key,
# over every month, quarter and year a sale or line can be in, the late
# sale's (today's) included; the empty ones, printed as null, are left
# out.
for y in $(seq 2024 $(($(date +%Y) + 1))); do
	for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
		pd sales "$y-$m" --format json >"$EXP/sales-$y-$m.json"
		pd lines "$y-$m" --format json >"$EXP/lines-$y-$m.json"
	done
	for q in Q1 Q2 Q3 Q4; do
		pd lines "$y-$q" --format json >"$EXP/lines-$y-$q.json"
	done
	pd lines "$y" --format json >"$EXP/lines-$y.json"
done
for f in "$EXP"/*.json; do
	if [ "$(head -c 4 "$f")" = null ]; then rm "$f"; fi
done
if [ "$(state)" != "$before" ]; then
	echo "make-schema3.sh: a dump changed the file; the dumps may disagree with it" >&2
	exit 1
fi
# The dumps compressed; -n keeps names and times out of the .gz.
gzip -9n "$EXP"/*.json
gzip -9nc "$DB" >"$HERE/schema3.db.gz"
ls -l "$HERE/schema3.db.gz" "$EXP"
