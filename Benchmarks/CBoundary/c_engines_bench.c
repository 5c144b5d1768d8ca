/* The C entry points added with the complete C ABI, timed from C (best of N runs, release
 * library of scripts/build-c-library.sh):
 *   - coord_tariff_price_records on 10^6 records, the built-in per-act tariff and a rule set
 *     with caps and a monthly package;
 *   - coord_ifaq_compute on plain structs (explanations off) on the campaign written by
 *     `coordkit ifaq --write-sample DIR --hospitals 5000 --indicators 20`, the input of the Swift
 *     benchmark ifaq.compute.5000-hospitals-20-indicators-3-years;
 *   - one call of each JSON entry point on a small document, and the holiday functions.
 * usage: c_engines_bench RECORDS SAMPLE_DIR */
#define _POSIX_C_SOURCE 199309L
#include "coordination.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

__extension__ typedef unsigned __int128 u128;
static uint64_t state;
static uint64_t next(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}
static uint64_t below(uint64_t bound) { return (uint64_t)(((u128)next() * bound) >> 64); }
static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
static int32_t civil(int64_t days) { /* days since 1970-01-01 -> YYYYMMDD */
    int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    return (int32_t)((y + (m <= 2)) * 10000 + m * 100 + d);
}
static void fail(const char *what) {
    fprintf(stderr, "%s: %s\n", what, coord_last_error_message());
    exit(1);
}
static char *slurp(const char *path, size_t *size) {
    FILE *in = fopen(path, "rb");
    char *data;
    long length;
    if (!in) { fprintf(stderr, "cannot open %s\n", path); exit(1); }
    fseek(in, 0, SEEK_END);
    length = ftell(in);
    fseek(in, 0, SEEK_SET);
    data = (char *)malloc((size_t)length + 1);
    if (!data || fread(data, 1, (size_t)length, in) != (size_t)length) { fprintf(stderr, "cannot read %s\n", path); exit(1); }
    data[length] = 0;
    fclose(in);
    *size = (size_t)length;
    return data;
}

static const char CAPS[] =
    "{\"format\": \"coordinationkit.tariff/1\", \"name\": \"caps\", \"version\": \"1\", \"schedules\": ["
    "{\"id\": \"a\", \"validFrom\": \"2024-01-01\", \"validUntil\": \"2024-06-30\", \"source\": \"bench\", \"payment\": \"per-act\","
    " \"limits\": {\"inclusionsPerPatientCoordinatorPerYear\": 1, \"followUpsPerFilePerYear\": 2},"
    " \"levels\": {\"information\": 2200, \"simple\": 8000, \"complex\": 13500}},"
    "{\"id\": \"b\", \"validFrom\": \"2024-07-01\", \"validUntil\": null, \"source\": \"bench\", \"payment\": \"package/month\","
    " \"levels\": {\"information\": 2200, \"simple\": 8000, \"complex\": 13500}}]}";

static void records_bench(size_t count) {
    coord_tariff_record *records = (coord_tariff_record *)calloc(count, sizeof *records);
    coord_record_result *results = (coord_record_result *)calloc(count, sizeof *results);
    size_t i, patients = count * 2 / 5 + 1;
    int which, run;
    if (!records || !results) { fprintf(stderr, "out of memory\n"); exit(1); }
    state = 2014; /* the shape of SyntheticData.tariffYear: 60 coordinators, 12 structures */
    for (i = 0; i < count; i++) {
        uint64_t patient = below(patients), roll = below(100);
        int evaluation = roll >= 35;
        records[i].facts.date = civil(19723 + (int64_t)below(366));
        records[i].facts.providers_contacted = evaluation ? (roll < 80 ? 1 + (int32_t)below(2) : (int32_t)below(6)) : 0;
        records[i].facts.formal_evaluation = (uint8_t)evaluation;
        records[i].facts.financing_file = (uint8_t)(evaluation && roll >= 80 && below(2) == 0);
        records[i].facts.external_expertise = (uint8_t)(evaluation && roll >= 90);
        records[i].record_id = i + 1;
        records[i].file_id = patient;
        records[i].patient_id = patient;
        records[i].coordinator_id = patient % 60 + 1;
        records[i].structure_id = patient % 60 % 12 + 1;
        records[i].kind = below(3) == 0 ? COORD_ACT_INCLUSION : COORD_ACT_FOLLOW_UP;
    }
    memset(results, 0, count * sizeof *results);
    for (which = 0; which < 2; which++) {
        coord_tariff *tariff = NULL;
        double best = 1e9;
        int64_t total = 0;
        if ((which == 0 ? coord_tariff_new_default(&tariff) : coord_tariff_new_json(CAPS, sizeof CAPS - 1, &tariff)) != COORD_OK) fail("tariff");
        for (run = 0; run < 5; run++) {
            double t0 = now(), elapsed;
            if (coord_tariff_price_records(tariff, records, count, NULL, 0, results, &total) != COORD_OK) fail("coord_tariff_price_records");
            elapsed = now() - t0;
            if (elapsed < best) best = elapsed;
        }
        printf("  coord_tariff_price_records, %zu records, %-22s best of 5 %7.1f ms  %5.2f M records/s  total %lld cents\n",
               count, which == 0 ? "built-in (per act):" : "caps + monthly package:", best * 1e3, count / best / 1e6, (long long)total);
        coord_tariff_free(tariff);
    }
    free(records);
    free(results);
}

/* Splits `line` at `;` into at most `max` fields (the line is modified). */
static int split(char *line, char **fields, int max) {
    int n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        p = strchr(p, ';');
        if (!p) break;
        *p++ = 0;
    }
    return n;
}
static coord_text text(const char *s) { coord_text t; t.data = s; t.length = strlen(s); return t; }
/* "107915600.00" -> cents; "45.8" -> thousandths */
static int64_t decimal(const char *s, int places) {
    int64_t whole = 0, fraction = 0;
    int digits = 0;
    const char *dot;
    for (; *s && *s != '.'; s++) whole = whole * 10 + (*s - '0');
    dot = s;
    if (*dot == '.') for (s = dot + 1; *s && digits < places; s++, digits++) fraction = fraction * 10 + (*s - '0');
    for (; digits < places; digits++) fraction *= 10;
    for (digits = 0; digits < places; digits++) whole *= 10;
    return whole + fraction;
}

static void ifaq_bench(const char *dir) {
    char path[4096], *hospitals_csv, *results_csv, *rules_json, *line, *fields[8];
    size_t size, hospital_count = 0, row_count = 0, capacity_h = 1024, capacity_r = 1024;
    coord_ifaq_hospital *hospitals = (coord_ifaq_hospital *)malloc(capacity_h * sizeof *hospitals);
    coord_ifaq_row *rows = (coord_ifaq_row *)malloc(capacity_r * sizeof *rows);
    coord_ifaq *rules = NULL;
    coord_ifaq_input input;
    coord_ifaq_totals totals;
    double best = 1e9;
    int run;
    snprintf(path, sizeof path, "%s/rules.json", dir);
    rules_json = slurp(path, &size);
    if (coord_ifaq_new_json(rules_json, size, &rules) != COORD_OK) fail("rules.json");
    snprintf(path, sizeof path, "%s/hospitals.csv", dir);
    hospitals_csv = slurp(path, &size);
    snprintf(path, sizeof path, "%s/results.csv", dir);
    results_csv = slurp(path, &size);
    strtok(hospitals_csv, "\n"); /* header */
    while ((line = strtok(NULL, "\n")) != NULL) {
        if (split(line, fields, 7) < 7) continue;
        if (hospital_count == capacity_h) hospitals = (coord_ifaq_hospital *)realloc(hospitals, (capacity_h *= 2) * sizeof *hospitals);
        memset(&hospitals[hospital_count], 0, sizeof *hospitals);
        hospitals[hospital_count].id = text(fields[0]);
        hospitals[hospital_count].field = text(fields[1]);
        hospitals[hospital_count].group = text(fields[2]);
        hospitals[hospital_count].base_cents = decimal(fields[3], 2);
        hospitals[hospital_count].army = strcmp(fields[4], "oui") == 0;
        hospitals[hospital_count].dotation_2019_cents = *fields[5] ? decimal(fields[5], 2) : COORD_IFAQ_NOT_GIVEN;
        hospitals[hospital_count].previous_base_cents = *fields[6] ? decimal(fields[6], 2) : COORD_IFAQ_NOT_GIVEN;
        hospital_count++;
    }
    strtok(results_csv, "\n");
    while ((line = strtok(NULL, "\n")) != NULL) {
        int n = split(line, fields, 6);
        if (n < 5) continue;
        if (row_count == capacity_r) rows = (coord_ifaq_row *)realloc(rows, (capacity_r *= 2) * sizeof *rows);
        memset(&rows[row_count], 0, sizeof *rows);
        rows[row_count].hospital = text(fields[0]);
        rows[row_count].indicator = text(fields[1]);
        rows[row_count].year = atoi(fields[2]);
        rows[row_count].status = strcmp(fields[3], "collected") == 0 ? COORD_IFAQ_COLLECTED
                               : strcmp(fields[3], "invalidated") == 0 ? COORD_IFAQ_INVALIDATED
                               : strcmp(fields[3], "not-concerned") == 0 ? COORD_IFAQ_NOT_CONCERNED : COORD_IFAQ_NOT_COLLECTED;
        rows[row_count].value_thousandths = rows[row_count].status == COORD_IFAQ_COLLECTED ? decimal(fields[4], 3) : 0;
        rows[row_count].definition_version = n > 5 && *fields[5] ? atoi(fields[5]) : 0;
        row_count++;
    }
    memset(&input, 0, sizeof input);
    input.hospitals = hospitals;
    input.hospital_count = hospital_count;
    input.results = rows;
    input.result_count = row_count;
    for (run = 0; run < 10; run++) {
        coord_ifaq_result *result = NULL;
        double t0 = now(), elapsed;
        if (coord_ifaq_compute(rules, &input, &result) != COORD_OK) fail("coord_ifaq_compute");
        elapsed = now() - t0;
        if (elapsed < best) best = elapsed;
        if (coord_ifaq_result_totals(result, &totals) != COORD_OK) fail("totals");
        coord_ifaq_result_free(result);
    }
    printf("  coord_ifaq_compute (structs, no explanation), %zu hospitals, %zu result rows: best of 10 %.1f ms"
           " (distributed %lld cents)\n", hospital_count, row_count, best * 1e3, (long long)totals.distributed_cents);
    coord_ifaq_free(rules);
    free(hospitals);
    free(rows);
    free(hospitals_csv);
    free(results_csv);
    free(rules_json);
}

static const char ACI_YEAR[] =
    "{\"msp\": \"MSP\", \"year\": 2023, \"signatureDate\": \"2022-01-01\", \"patients\": 4000, \"professionals\": 10,"
    " \"achieved\": {\"HORAIRES\": 1, \"CRISES-PLAN\": 1, \"COORDINATION\": 1, \"SI-STANDARD\": 1, \"PROTOCOLES\": 2}}";
static const char FUND[] =
    "{\"year\": 2024, \"dotation\": 25000000001, \"schemeShares\": {\"general\": 8700, \"agricultural\": 700,"
    " \"selfEmployed\": 600}, \"experimentsBasisPoints\": 1000, \"nationalBasisPoints\": 3000, \"regionalBasisPoints\": 6000}";
static const char SPLIT[] =
    "{\"criteria\": [{\"name\": \"population\", \"shareBasisPoints\": 6000, \"values\": {\"11\": 12300000, \"84\": 8100000, \"93\": 5100000}},"
    " {\"name\": \"over-75\", \"shareBasisPoints\": 4000, \"values\": {\"11\": 800000, \"84\": 760000, \"93\": 600000}}]}";
static const char CASE_OPEN[] =
    "{\"format\": \"coordinationkit.case/2\", \"id\": \"C1\", \"patient\": {\"ins\": \"262087503203977\","
    " \"birthDate\": \"1962-08-15\", \"territory\": {\"region\": \"84\", \"departement\": \"69\", \"commune\": \"69123\"},"
    " \"medecinTraitant\": \"10000000001\", \"consents\": [\"health\"]}, \"history\": [{\"date\": \"2024-01-05\","
    " \"author\": \"10000000001\", \"role\": \"gp\", \"action\": {\"open\": {\"gp\": {\"id\": \"10000000001\", \"name\": \"Dr Martin\","
    " \"profession\": \"medecin-generaliste\", \"sector\": \"health\"}, \"mode\": \"lasting\", \"policy\": {\"requiresGPValidation\": true}}}}]}";
static const char DESIGNATE[] =
    "{\"date\": \"2024-01-08\", \"author\": \"10000000001\", \"action\": {\"designateCoordinator\": {\"coordinator\":"
    " {\"id\": \"10000000003\", \"name\": \"IDE Petit\", \"profession\": \"infirmier\", \"sector\": \"health\"}, \"structure\": \"CLIC69\"}}}";

/* Best time of `runs` calls of one JSON entry point, in microseconds. */
#define TIME_JSON(label, call) do { \
    double best_ = 1e9; int run_; \
    for (run_ = 0; run_ < 200; run_++) { \
        char *out = NULL; size_t length = 0; double t0 = now(), e_; \
        if ((call) != COORD_OK) fail(label); \
        e_ = now() - t0; if (e_ < best_) best_ = e_; \
        coord_free(out); (void)length; \
    } \
    printf("  %-58s best of 200 %8.1f us\n", label, best_ * 1e6); \
} while (0)

static void json_bench(void) {
    static char lines[1 << 20];
    size_t used = 0;
    int i;
    double best = 1e9, t0;
    int32_t dates[16], working = 0;
    size_t count = 0;
    for (i = 0; i < 1000; i++) {
        memcpy(lines + used, CASE_OPEN, sizeof CASE_OPEN - 1);
        used += sizeof CASE_OPEN - 1;
        lines[used++] = '\n';
    }
    TIME_JSON("coord_aci_remuneration_json (one MSP, built-in 2022 rules)",
              coord_aci_remuneration_json(NULL, 0, ACI_YEAR, sizeof ACI_YEAR - 1, &out, &length));
    TIME_JSON("coord_fiqcs_fund_year_json", coord_fiqcs_fund_year_json(FUND, sizeof FUND - 1, &out, &length));
    TIME_JSON("coord_fiqcs_regional_split_json (3 regions, 2 criteria)",
              coord_fiqcs_regional_split_json(SPLIT, sizeof SPLIT - 1, 15000000000, &out, &length));
    TIME_JSON("coord_quality_report_jsonl (1,000 cases, 0.5 MB)", coord_quality_report_jsonl(lines, used, &out, &length));
    TIME_JSON("coord_case_record_json (one event)",
              coord_case_record_json(CASE_OPEN, sizeof CASE_OPEN - 1, DESIGNATE, sizeof DESIGNATE - 1, &out, &length));
    for (i = 0; i < 1000; i++) {
        t0 = now();
        if (coord_holidays(2024 + i % 50, COORD_CALENDAR_ALSACE_MOSELLE, dates, 16, &count) != COORD_OK) fail("coord_holidays");
        if (now() - t0 < best) best = now() - t0;
    }
    printf("  %-58s best of 1000 %7.1f us\n", "coord_holidays (one year, Alsace-Moselle)", best * 1e6);
    best = 1e9;
    for (i = 0; i < 1000; i++) {
        t0 = now();
        if (coord_is_working_day(20240402 + i % 20, COORD_CALENDAR_METROPOLE, &working) != COORD_OK) fail("coord_is_working_day");
        if (now() - t0 < best) best = now() - t0;
    }
    printf("  %-58s best of 1000 %7.1f us\n", "coord_is_working_day", best * 1e6);
}

int main(int argc, char **argv) {
    size_t count = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 1000000u;
    printf("C entry points (release library)\n");
    records_bench(count);
    if (argc > 2) ifaq_bench(argv[2]);
    if (!getenv("BENCH_SKIP_JSON")) json_bench();
    return 0;
}
