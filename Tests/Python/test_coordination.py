"""Tests of bindings/python/coordination.py against the built C library.

    python3 Tests/Python/test_coordination.py PATH/TO/libcoordination.so

Run by `swift test` (PythonBindingTests) with the debug library.
"""
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))
import coordination  # noqa: E402

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def raises(status, call):
    try:
        call()
    except coordination.CoordinationError as error:
        return error.status == status and error.message != ""
    return False


lib = coordination.Library(sys.argv[1] if len(sys.argv) > 1 else None)
check(lib.version() == "0.2.0", "version")

# 100 M EUR in cents, twelve instalments: 64-bit amounts pass whole and add up to the cent.
parts = lib.split_instalments(10_000_000_000, 12)
check(sum(parts) == 10_000_000_000 and max(parts) - min(parts) <= 1, f"split {parts}")
check(lib.add_working_days(20240329, 1) == 20240402, "Easter Monday skipped")
check(len(lib.holidays(2024)) == 11 and lib.holidays(2024)[0] == 20240101, "holidays")
check(not lib.is_working_day(20240401) and lib.is_working_day(20240402), "working days")
check(lib.national_cost(12_000_000, 1_000, 20_000) == 24_000_000_000, "Table 2")
check(raises(-1, lambda: lib.add_working_days(20230230, 1)), "an impossible date raises COORD_ERR_INVALID")

tariff = lib.tariff()
levels, cents, total = tariff.price([(20140215, 0, 0, 0, 0), (20140215, 2, 1, 0, 0), (20140215, 3, 1, 1, 0)])
check(levels == [1, 2, 3] and cents == [2200, 8000, 13500] and total == 23700, "Santélys per act")
package = lib.tariff({"format": "coordinationkit.tariff/1", "name": "p", "version": "1", "schedules": [
    {"id": "monthly", "validFrom": "2024-01-01", "validUntil": None, "source": "s", "payment": "package/month",
     "levels": {"information": 100, "simple": 200, "complex": 300}}]})
check(raises(-3, lambda: package.price([(20240305, 0, 0, 0, 0)])), "a package refused per act")
results, total = package.price_records([
    {"date": 20240305, "record": 1, "file": 42, "patient": 7, "coordinator": 3},
    {"date": 20240312, "providers": 2, "formal": 1, "record": 2, "file": 42, "patient": 7, "coordinator": 3, "kind": 1},
])
check(total == 200 and results == [(1, 1, 0), (2, 0, 200)], f"package priced once {results}")
check(raises(-2, lambda: lib.tariff({"format": "coordinationkit.tariff/1", "limitz": 1})), "a bad rule set raises PARSE")

with open(os.path.join(ROOT, "Tests", "Fuzz", "corpus", "ifaq-input-json", "four.json"), encoding="utf-8") as handle:
    four_text = handle.read()
    campaign = lib.ifaq_compute(four_text)
bare = lib.ifaq_compute(four_text, explanations=False)
check([h["dotationCents"] for h in bare["hospitals"]] == [h["dotationCents"] for h in campaign["hospitals"]]
      and all(h["explanation"] == [] for h in bare["hospitals"]), "IFAQ without explanations: the same amounts")
check(len(campaign["hospitals"]) == 4 and campaign["distributedCents"] + campaign["unspentCents"] == campaign["envelopeCents"], "IFAQ")
with open(os.path.join(ROOT, "Tests", "Fuzz", "corpus", "ifaq-input-json", "four.json"), encoding="utf-8") as handle:
    four = handle.read()
scenario = {"format": "coordinationkit.ifaq-scenario/1", "name": "level 60", "scoring": {"levelWeightBasisPoints": 6000,
            "changeWeightBasisPoints": 4000}}
# Four hospitals are not a national campaign: no parameters, no what-if, with a message.
check(raises(-1, lambda: lib.ifaq_export_parameters(four)), "parameters refused on a partial input")
check(raises(-1, lambda: lib.ifaq_what_if(four, scenario)), "what-if refused on a partial input")
check(raises(-2, lambda: lib.ifaq_compute_with_parameters(four, {"format": 1})), "bad parameters raise PARSE")
with open(os.path.join(ROOT, "docs", "examples", "aci-msp-2023.json"), encoding="utf-8") as handle:
    aci = lib.aci_remuneration(handle.read())
check(aci["totalCents"] > 0 and set(aci["byAxis"]) == {"access", "teamwork", "information-system"}, "ACI")
fund = lib.fiqcs_fund_year({"year": 2024, "dotation": 25_000_000_001, "schemeShares": {"general": 8700, "agricultural": 700,
                            "selfEmployed": 600}, "experimentsBasisPoints": 1000, "nationalBasisPoints": 3000,
                            "regionalBasisPoints": 6000})
check(sum(fund["contributions"].values()) == 25_000_000_001, "FIQCS contributions reconcile")
split = lib.fiqcs_regional_split({"criteria": [{"name": "p", "shareBasisPoints": 10000, "values": {"84": 2, "11": 1}}]}, 100)
check(split["regions"] == {"84": 67, "11": 33}, f"regional split {split}")
with open(os.path.join(ROOT, "docs", "examples", "cases.jsonl"), encoding="utf-8") as handle:
    lines = handle.read()
check(lib.quality_report(lines)["overall"]["cases"] == 12, "quality")
first = lines.split("\n")[0]
check(raises(-5, lambda: lib.case_plan_view(first, "10000000999")), "a stranger's view raises STATE")

if failures:
    print("python binding: FAILED:", *failures, sep="\n  ")
    sys.exit(1)
print("python binding: all checks passed")
