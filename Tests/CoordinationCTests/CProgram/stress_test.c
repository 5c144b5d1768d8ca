/* Stress tests of libcoordination from C:
 *
 *   stress_test threads IFAQ_INPUT.json   the same tariff and IFAQ handles used by 8 pthreads at
 *                                         once give the same results as serial use, and each
 *                                         thread keeps its own last-error message;
 *   stress_test leaks N IFAQ.json TARIFF.json [--no-resident-check]
 *                                         every entry point called N times (the rule-set
 *                                         loaders and the IFAQ computation N/100 times), with
 *                                         the resident memory checked flat (growth under 4 MB
 *                                         after the first tenth).
 *
 * Exit status 0 when every check passes. Built by the Swift tests with -Wall -Wextra -Werror. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "coordination.h"

static int failures = 0;
#define CHECK(cond, ...) do { if (!(cond)) { failures++; fprintf(stderr, "FAILED %s:%d: ", __FILE__, __LINE__); \
    fprintf(stderr, __VA_ARGS__); fprintf(stderr, "\n"); } } while (0)

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (text && fread(text, 1, (size_t)size, file) != (size_t)size) { free(text); text = NULL; }
    fclose(file);
    if (text) { text[size] = 0; *length = (size_t)size; }
    return text;
}

/* Resident memory in KB, from /proc/self/statm. */
static long resident_kb(void) {
    long pages = 0, resident = 0;
    FILE *file = fopen("/proc/self/statm", "r");
    if (!file) return 0;
    if (fscanf(file, "%ld %ld", &pages, &resident) != 2) resident = 0;
    fclose(file);
    return resident * 4;
}

enum { FILES = 10000, THREADS = 8, ROUNDS = 20 };
static coord_file_facts files[FILES];
static const coord_tariff *shared_tariff;
static const coord_ifaq *shared_ifaq;
static const char *ifaq_input;
static size_t ifaq_input_length;
static int64_t serial_total;
static size_t serial_ifaq_length;
static char *serial_ifaq;

static void make_files(void) {
    uint64_t state = 2014;
    for (int i = 0; i < FILES; i++) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        files[i].date = 20240101 + (int32_t)((state >> 33) % 28);
        files[i].providers_contacted = (int32_t)((state >> 40) % 5);
        files[i].formal_evaluation = (uint8_t)((state >> 45) & 1);
        files[i].financing_file = (uint8_t)((state >> 46) & 1);
        files[i].external_expertise = (uint8_t)((state >> 47) & 1);
        files[i].reserved = 0;
    }
}

static void *worker(void *arg) {
    intptr_t index = (intptr_t)arg;
    for (int round = 0; round < ROUNDS; round++) {
        int64_t total = 0;
        CHECK(coord_tariff_price(shared_tariff, files, FILES, NULL, NULL, &total) == COORD_OK, "price: %s", coord_last_error_message());
        CHECK(total == serial_total, "thread %ld: total %lld differs from serial %lld", (long)index, (long long)total, (long long)serial_total);
        /* Each thread's failure message is its own. */
        int32_t out = 0;
        int32_t bad_date = 20230132 + (int32_t)index * 100;  /* day 32 of months 1-8: never a date */
        if (coord_add_working_days(bad_date, 1, COORD_CALENDAR_METROPOLE, &out) != COORD_OK) {
            char expected[16];
            snprintf(expected, sizeof expected, "%d", bad_date);
            CHECK(strstr(coord_last_error_message(), expected) != NULL, "thread %ld got another thread's message: %s",
                  (long)index, coord_last_error_message());
        }
        if (round % 5 == 0) {
            char *json = NULL;
            size_t length = 0;
            CHECK(coord_ifaq_compute_json(shared_ifaq, ifaq_input, ifaq_input_length, &json, &length) == COORD_OK, "ifaq: %s",
                  coord_last_error_message());
            CHECK(json && length == serial_ifaq_length && memcmp(json, serial_ifaq, length) == 0, "thread %ld: IFAQ result differs", (long)index);
            coord_free(json);
        }
    }
    return NULL;
}

static int threads_test(void) {
    coord_tariff *tariff = NULL;
    coord_ifaq *ifaq = NULL;
    CHECK(coord_tariff_new_default(&tariff) == COORD_OK, "tariff");
    CHECK(coord_ifaq_new_builtin(2023, &ifaq) == COORD_OK, "ifaq");
    shared_tariff = tariff;
    shared_ifaq = ifaq;
    CHECK(coord_tariff_price(tariff, files, FILES, NULL, NULL, &serial_total) == COORD_OK, "serial price");
    CHECK(coord_ifaq_compute_json(ifaq, ifaq_input, ifaq_input_length, &serial_ifaq, &serial_ifaq_length) == COORD_OK,
          "serial ifaq: %s", coord_last_error_message());
    pthread_t threads[THREADS];
    for (intptr_t i = 0; i < THREADS; i++) CHECK(pthread_create(&threads[i], NULL, worker, (void *)i) == 0, "pthread_create");
    for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
    coord_free(serial_ifaq);
    coord_tariff_free(tariff);
    coord_ifaq_free(ifaq);
    printf("threads: %d threads x %d rounds on shared handles: %s\n", THREADS, ROUNDS, failures ? "FAILED" : "same as serial");
    return failures;
}

/* One round of every entry point; `heavy` also runs the loaders and the IFAQ computation. */
static void every_entry_point(int heavy, const char *tariff_json, size_t tariff_json_length) {
    int32_t out32 = 0;
    int64_t out64 = 0, parts[12];
    (void)coord_version_number();
    (void)coord_version_string();
    (void)coord_status_string(COORD_ERR_PARSE);
    (void)coord_last_error_message();
    coord_free(NULL);
    CHECK(coord_add_working_days(20230428, 8, COORD_CALENDAR_ALSACE_MOSELLE, &out32) == COORD_OK, "days");
    (void)coord_add_working_days(20230230, 8, COORD_CALENDAR_METROPOLE, &out32);          /* error path */
    CHECK(coord_split_instalments(100000001, 12, parts) == COORD_OK, "split");
    (void)coord_split_instalments(1, 0, parts);                                            /* error path */
    CHECK(coord_classify(&files[0], &out32) == COORD_OK, "classify");
    CHECK(coord_national_cost(12000000, 1000, 20000, &out64) == COORD_OK, "cost");
    (void)coord_national_cost(INT64_MAX, 10000, INT64_MAX, &out64);                        /* overflow path */
    coord_tariff *tariff = NULL;
    CHECK(coord_tariff_new_default(&tariff) == COORD_OK, "tariff");
    int32_t levels[4];
    int64_t cents[4];
    CHECK(coord_tariff_price(tariff, files, 4, levels, cents, &out64) == COORD_OK, "price");
    coord_file_facts bad = files[0];
    bad.reserved = 1;
    (void)coord_tariff_price(tariff, &bad, 1, NULL, NULL, &out64);                         /* error path */
    {
        coord_tariff_record records[4];
        coord_record_result results[4];
        int i;
        memset(records, 0, sizeof records);
        for (i = 0; i < 4; i++) {
            records[i].facts = files[i];
            records[i].record_id = (uint64_t)i;
            records[i].file_id = (uint64_t)(i % 2);
            records[i].coordinator_id = 1;
        }
        CHECK(coord_tariff_price_records(tariff, records, 4, NULL, 0, results, &out64) == COORD_OK, "records");
        records[1].reserved = 1;
        (void)coord_tariff_price_records(tariff, records, 4, NULL, 0, results, &out64);   /* error path */
    }
    {
        int32_t dates[16];
        size_t count = 0;
        CHECK(coord_holidays(2024, COORD_CALENDAR_REUNION, dates, 16, &count) == COORD_OK, "holidays");
        (void)coord_holidays(2024, COORD_CALENDAR_REUNION, dates, 2, &count);             /* error path */
        CHECK(coord_is_working_day(20240402, COORD_CALENDAR_METROPOLE, &out32) == COORD_OK, "working day");
    }
    coord_tariff_free(tariff);
    coord_ifaq *ifaq = NULL;
    CHECK(coord_ifaq_new_builtin(2023, &ifaq) == COORD_OK, "ifaq builtin");
    (void)coord_ifaq_new_builtin(1999, &ifaq);                                             /* error path */
    if (heavy) {
        coord_tariff *loaded = NULL;
        CHECK(coord_tariff_new_json(tariff_json, tariff_json_length, &loaded) == COORD_OK, "tariff json: %s", coord_last_error_message());
        coord_tariff_free(loaded);
        (void)coord_tariff_new_json("{\"format\": 1}", 13, &loaded);                        /* error path */
        coord_ifaq *rules = NULL;
        (void)coord_ifaq_new_json("[1, 2", 5, &rules);                                      /* error path */
        char *json = NULL;
        size_t length = 0;
        CHECK(coord_ifaq_compute_json(ifaq, ifaq_input, ifaq_input_length, &json, &length) == COORD_OK, "compute");
        coord_free(json);
        (void)coord_ifaq_compute_json(ifaq, "{}", 2, &json, &length);                      /* error path */
        static const char fund[] = "{\"year\": 2024, \"dotation\": 1000, \"schemeShares\": {\"general\": 10000,"
            " \"agricultural\": 0, \"selfEmployed\": 0}, \"experimentsBasisPoints\": 0, \"nationalBasisPoints\": 0,"
            " \"regionalBasisPoints\": 10000}";
        CHECK(coord_fiqcs_fund_year_json(fund, sizeof fund - 1, &json, &length) == COORD_OK, "fiqcs");
        coord_free(json);
        json = NULL;
        (void)coord_fiqcs_regional_split_json("{\"criteria\": []}", 16, 10, &json, &length);   /* error path */
        (void)coord_aci_remuneration_json(NULL, 0, "{}", 2, &json, &length);               /* error path */
        CHECK(coord_quality_report_jsonl("\n", 1, &json, &length) == COORD_OK, "quality");
        coord_free(json);
        json = NULL;
        (void)coord_case_record_json("{}", 2, "{}", 2, &json, &length);                    /* error path */
        (void)coord_case_plan_view_json("{}", 2, "x", 1, &json, &length);                  /* error path */
    }
    coord_ifaq_free(ifaq);
}

static int leaks_test(long iterations, const char *tariff_json, size_t tariff_json_length, int check_resident) {
    long warm = iterations / 10 > 0 ? iterations / 10 : 1;
    long after_warm_up = 0;
    for (long i = 0; i < iterations; i++) {
        every_entry_point(i % 100 == 0, tariff_json, tariff_json_length);
        if (i + 1 == warm) after_warm_up = resident_kb();
    }
    long end = resident_kb();
    long growth = end - after_warm_up;
    printf("leaks: %ld rounds of every entry point (%ld with the loaders and IFAQ): resident %ld KB -> %ld KB (%+ld KB)\n",
           iterations, (iterations + 99) / 100, after_warm_up, end, growth);
    /* Not under valgrind, whose allocator holds freed blocks back on purpose. */
    if (check_resident) CHECK(growth < 4096, "resident memory grew by %ld KB after warm-up", growth);
    return failures;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: stress_test threads IFAQ.json | leaks N IFAQ.json TARIFF.json [--no-resident-check]\n"); return 2; }
    make_files();
    if (strcmp(argv[1], "threads") == 0) {
        ifaq_input = read_file(argv[2], &ifaq_input_length);
        if (!ifaq_input) { fprintf(stderr, "cannot read %s\n", argv[2]); return 2; }
        threads_test();
    } else if (strcmp(argv[1], "leaks") == 0 && argc >= 5) {
        size_t tariff_length = 0;
        ifaq_input = read_file(argv[3], &ifaq_input_length);
        char *tariff_json = read_file(argv[4], &tariff_length);
        if (!ifaq_input || !tariff_json) { fprintf(stderr, "cannot read the inputs\n"); return 2; }
        leaks_test(atol(argv[2]), tariff_json, tariff_length, !(argc >= 6 && strcmp(argv[5], "--no-resident-check") == 0));
        free(tariff_json);
    } else {
        fprintf(stderr, "unknown mode %s\n", argv[1]);
        return 2;
    }
    free((void *)ifaq_input);
    if (failures == 0) printf("all checks passed\n");
    return failures == 0 ? 0 : 1;
}
