/*
** c_abi_test.c: the C ABI exercised from a real C (and C++) program, as a hospital vendor
** would call it. Built by `swift test` as C11 and as C++17 with -Wall -Wextra -Werror
** -pedantic, linked against libcoordination, run, and run again under valgrind.
** Exit status: 0 when every check passes; prints each failing check.
*/
#include "coordination.h"

#include <stdio.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s (last error: %s)\n",        \
                    __FILE__, __LINE__, #cond, coord_last_error_message());      \
            failures++;                                                          \
        }                                                                        \
    } while (0)

static void test_version(void) {
    CHECK(coord_version_number() == COORD_VERSION_NUMBER);
    CHECK(strcmp(coord_version_string(), COORD_VERSION_STRING) == 0);
    CHECK(strcmp(coord_status_string(COORD_OK), "ok") == 0);
    CHECK(strcmp(coord_status_string(12345), "unknown status") == 0);
    coord_free(NULL);
}

static void test_calendar(void) {
    int32_t out = 0;
    CHECK(coord_add_working_days(20240329, 1, COORD_CALENDAR_METROPOLE, &out) == COORD_OK);
    CHECK(out == 20240402);
    CHECK(coord_add_working_days(20240328, 1, COORD_CALENDAR_ALSACE_MOSELLE, &out) == COORD_OK);
    CHECK(out == 20240402);
    CHECK(coord_add_working_days(20230428, 8, COORD_CALENDAR_METROPOLE, &out) == COORD_OK);
    CHECK(out == 20230512);
    CHECK(strcmp(coord_last_error_message(), "") == 0);

    out = 7;
    CHECK(coord_add_working_days(20230230, 1, COORD_CALENDAR_METROPOLE, &out) == COORD_ERR_INVALID);
    CHECK(strstr(coord_last_error_message(), "date") != NULL);
    CHECK(out == 7); /* not written on failure */
    CHECK(coord_add_working_days(20231301, 1, COORD_CALENDAR_METROPOLE, &out) == COORD_ERR_INVALID);
    CHECK(coord_add_working_days(20240101, 1, 99, &out) == COORD_ERR_INVALID);
    CHECK(strstr(coord_last_error_message(), "calendar") != NULL);
    CHECK(coord_add_working_days(20240101, 1, COORD_CALENDAR_METROPOLE, NULL) == COORD_ERR_INVALID);
    CHECK(strstr(coord_last_error_message(), "out_date") != NULL);
    CHECK(coord_add_working_days(99991231, 1, COORD_CALENDAR_METROPOLE, &out) == COORD_ERR_INVALID);
    CHECK(coord_add_working_days(20240101, INT32_MIN, COORD_CALENDAR_METROPOLE, &out) == COORD_ERR_INVALID);
}

static void test_split(void) {
    int64_t parts[12];
    int64_t sum = 0;
    int i;
    CHECK(coord_split_instalments(1, 12, parts) == COORD_OK);
    CHECK(parts[0] == 1);
    for (i = 1; i < 12; i++) CHECK(parts[i] == 0);

    CHECK(coord_split_instalments(100000001, 12, parts) == COORD_OK);
    for (i = 0; i < 12; i++) sum += parts[i];
    CHECK(sum == 100000001);
    CHECK(parts[0] == 8333334 && parts[11] == 8333333);

    CHECK(coord_split_instalments(INT64_MIN, 10, parts) == COORD_OK);
    CHECK(coord_split_instalments(5, 0, parts) == COORD_ERR_INVALID);
    CHECK(strstr(coord_last_error_message(), "count") != NULL);
    CHECK(coord_split_instalments(5, -3, parts) == COORD_ERR_INVALID);
    CHECK(coord_split_instalments(5, 3, NULL) == COORD_ERR_INVALID);
}

static void test_national_cost(void) {
    /* IGAS report 2014-010R, Table 2. */
    static const int32_t shares[2] = {1000, 2000};
    static const int64_t costs[2] = {20000, 30000};
    static const int64_t expected[2][2] = {{24000000000LL, 48000000000LL},
                                           {36000000000LL, 72000000000LL}};
    int c, s;
    int64_t out = 0;
    for (c = 0; c < 2; c++)
        for (s = 0; s < 2; s++) {
            CHECK(coord_national_cost(12000000, shares[s], costs[c], &out) == COORD_OK);
            CHECK(out == expected[c][s]);
        }
    CHECK(coord_national_cost(INT64_MAX, 10000, 2, &out) == COORD_ERR_OVERFLOW);
    CHECK(coord_national_cost(INT64_MAX, 10000, INT64_MAX, &out) == COORD_ERR_OVERFLOW);
    CHECK(coord_national_cost(-1, 1000, 2, &out) == COORD_ERR_INVALID);
    CHECK(strstr(coord_last_error_message(), "population") != NULL);
    CHECK(coord_national_cost(1, 10001, 2, &out) == COORD_ERR_INVALID);
    CHECK(coord_national_cost(1, 1000, 2, NULL) == COORD_ERR_INVALID);
}

static void test_classify(void) {
    coord_file_facts facts;
    int32_t level = 0;
    memset(&facts, 0, sizeof facts);
    facts.date = 20140215;
    CHECK(coord_classify(&facts, &level) == COORD_OK && level == COORD_LEVEL_INFORMATION);
    facts.formal_evaluation = 1;
    facts.providers_contacted = 2;
    CHECK(coord_classify(&facts, &level) == COORD_OK && level == COORD_LEVEL_SIMPLE);
    facts.providers_contacted = 3;
    CHECK(coord_classify(&facts, &level) == COORD_OK && level == COORD_LEVEL_COMPLEX);
    facts.providers_contacted = 1;
    facts.financing_file = 1;
    CHECK(coord_classify(&facts, &level) == COORD_OK && level == COORD_LEVEL_COMPLEX);

    facts.reserved = 1;
    CHECK(coord_classify(&facts, &level) == COORD_ERR_INVALID);
    CHECK(strstr(coord_last_error_message(), "reserved") != NULL);
    facts.reserved = 0;
    facts.providers_contacted = -1;
    CHECK(coord_classify(&facts, &level) == COORD_ERR_INVALID);
    CHECK(strstr(coord_last_error_message(), "providers_contacted") != NULL);
    facts.providers_contacted = 1;
    facts.date = 20230230;
    CHECK(coord_classify(&facts, &level) == COORD_ERR_INVALID);
    facts.date = 20140215;
    facts.external_expertise = 2;
    CHECK(coord_classify(&facts, &level) == COORD_ERR_INVALID);
    CHECK(coord_classify(NULL, &level) == COORD_ERR_INVALID);
    CHECK(coord_classify(&facts, NULL) == COORD_ERR_INVALID);
}

int main(void) {
    int round;
    /* Several rounds so that a leak per call shows up under valgrind. */
    for (round = 0; round < 200; round++) {
        test_version();
        test_calendar();
        test_split();
        test_national_cost();
        test_classify();
    }
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("c_abi_test: all checks passed\n");
    return 0;
}
