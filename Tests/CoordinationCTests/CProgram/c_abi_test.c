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
    CHECK(COORD_ERR_NOMEM == -7 && strcmp(coord_status_string(COORD_ERR_NOMEM), "out of memory") == 0);
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


static const char TWO_SCHEDULES[] =
    "{\"format\": \"coordinationkit.tariff/1\", \"name\": \"t\", \"version\": \"1\", \"schedules\": ["
    "{\"id\": \"old\", \"validFrom\": \"2014-01-01\", \"validUntil\": \"2019-12-31\", \"source\": \"test\","
    " \"payment\": \"per-act\", \"levels\": {\"information\": 2200, \"simple\": 8000, \"complex\": 13500}},"
    "{\"id\": \"new\", \"validFrom\": \"2020-01-01\", \"validUntil\": null, \"source\": \"test\","
    " \"payment\": \"per-act\", \"levels\": {\"simple\": 20000, \"complex\": 30000},"
    " \"levelMap\": {\"information\": \"simple\"}}]}";

static coord_file_facts make_facts(int32_t date, int32_t providers, uint8_t evaluation, uint8_t financing) {
    coord_file_facts facts;
    memset(&facts, 0, sizeof facts);
    facts.date = date;
    facts.providers_contacted = providers;
    facts.formal_evaluation = evaluation;
    facts.financing_file = financing;
    return facts;
}

static void test_tariff(void) {
    coord_tariff *tariff = NULL;
    coord_tariff *custom = NULL;
    coord_file_facts files[4];
    int32_t levels[4] = {0, 0, 0, 0};
    int64_t cents[4] = {-1, -1, -1, -1};
    int64_t total = -1;

    /* The Santélys examples: 22, 80, 135 EUR. */
    CHECK(coord_tariff_new_default(&tariff) == COORD_OK && tariff != NULL);
    files[0] = make_facts(20140215, 0, 0, 0);
    files[1] = make_facts(20140215, 2, 1, 0);
    files[2] = make_facts(20140215, 3, 1, 1);
    files[3] = make_facts(20250101, 1, 1, 0);
    CHECK(coord_tariff_price(tariff, files, 4, levels, cents, &total) == COORD_OK);
    CHECK(levels[0] == COORD_LEVEL_INFORMATION && levels[1] == COORD_LEVEL_SIMPLE && levels[2] == COORD_LEVEL_COMPLEX);
    CHECK(cents[0] == 2200 && cents[1] == 8000 && cents[2] == 13500 && cents[3] == 8000);
    CHECK(total == 31700);
    CHECK(coord_tariff_price(tariff, files, 4, NULL, NULL, &total) == COORD_OK && total == 31700);
    CHECK(coord_tariff_price(tariff, NULL, 0, NULL, NULL, &total) == COORD_OK && total == 0);

    /* Errors name the file index; nothing is written past it. */
    cents[2] = -1; cents[3] = -1; total = -1;
    files[2] = make_facts(20130101, 1, 1, 0);
    CHECK(coord_tariff_price(tariff, files, 4, levels, cents, &total) == COORD_ERR_RULES);
    CHECK(strstr(coord_last_error_message(), "files[2]") != NULL);
    CHECK(cents[1] == 8000 && cents[2] == -1 && cents[3] == -1 && total == -1);
    files[2] = make_facts(20140215, -4, 1, 0);
    CHECK(coord_tariff_price(tariff, files, 4, levels, cents, &total) == COORD_ERR_INVALID);
    CHECK(strstr(coord_last_error_message(), "files[2].providers_contacted") != NULL);
    files[2] = make_facts(20140231, 1, 1, 0);
    CHECK(coord_tariff_price(tariff, files, 4, levels, cents, &total) == COORD_ERR_INVALID);
    files[2] = make_facts(20140215, 1, 1, 0);
    files[2].reserved = 9;
    CHECK(coord_tariff_price(tariff, files, 4, levels, cents, &total) == COORD_ERR_INVALID);
    CHECK(coord_tariff_price(NULL, files, 4, levels, cents, &total) == COORD_ERR_INVALID);
    CHECK(coord_tariff_price(tariff, NULL, 4, levels, cents, &total) == COORD_ERR_INVALID);
    CHECK(coord_tariff_price(tariff, files, (size_t)-1, levels, cents, &total) == COORD_ERR_INVALID);
    coord_tariff_free(tariff);
    coord_tariff_free(NULL);

    /* A JSON tariff: a schedule change on the day, two levels. */
    CHECK(coord_tariff_new_json(TWO_SCHEDULES, sizeof TWO_SCHEDULES - 1, &custom) == COORD_OK);
    files[0] = make_facts(20191231, 1, 1, 0);
    files[1] = make_facts(20200101, 1, 1, 0);
    files[2] = make_facts(20200101, 0, 0, 0);
    files[3] = make_facts(20200101, 5, 1, 0);
    CHECK(coord_tariff_price(custom, files, 4, levels, cents, &total) == COORD_OK);
    CHECK(cents[0] == 8000 && cents[1] == 20000 && cents[2] == 20000 && cents[3] == 30000);
    CHECK(levels[2] == COORD_LEVEL_INFORMATION);
    coord_tariff_free(custom);

    custom = NULL;
    CHECK(coord_tariff_new_json("{\"format\": 1}", 13, &custom) == COORD_ERR_PARSE && custom == NULL);
    CHECK(strstr(coord_last_error_message(), "format") != NULL);
    CHECK(coord_tariff_new_json("\xff\xfe", 2, &custom) == COORD_ERR_PARSE);
    CHECK(strstr(coord_last_error_message(), "UTF-8") != NULL);
    CHECK(coord_tariff_new_json(TWO_SCHEDULES, 0, &custom) == COORD_ERR_PARSE);
    CHECK(coord_tariff_new_json(NULL, 10, &custom) == COORD_ERR_INVALID);
    CHECK(coord_tariff_new_json(TWO_SCHEDULES, sizeof TWO_SCHEDULES - 1, NULL) == COORD_ERR_INVALID);
    {
        /* Overlapping periods: a rules error naming the schedule. */
        static const char OVERLAP[] =
            "{\"format\": \"coordinationkit.tariff/1\", \"name\": \"t\", \"version\": \"1\", \"schedules\": ["
            "{\"id\": \"a\", \"validFrom\": \"2014-01-01\", \"validUntil\": null, \"source\": \"s\", \"payment\": \"per-act\","
            " \"levels\": {\"information\": 1, \"simple\": 2, \"complex\": 3}},"
            "{\"id\": \"b\", \"validFrom\": \"2015-01-01\", \"validUntil\": null, \"source\": \"s\", \"payment\": \"per-act\","
            " \"levels\": {\"information\": 1, \"simple\": 2, \"complex\": 3}}]}";
        CHECK(coord_tariff_new_json(OVERLAP, sizeof OVERLAP - 1, &custom) == COORD_ERR_RULES);
        CHECK(strstr(coord_last_error_message(), "schedules[b]") != NULL);
    }
    {
        /* A monthly package: refused per act (it was priced 3 times: a bug), priced once by
           coord_tariff_price_records, the highest level of the month paid. */
        static const char PACKAGE[] =
            "{\"format\": \"coordinationkit.tariff/1\", \"name\": \"p\", \"version\": \"1\", \"schedules\": ["
            "{\"id\": \"monthly\", \"validFrom\": \"2024-01-01\", \"validUntil\": null, \"source\": \"s\","
            " \"payment\": \"package/month\", \"levels\": {\"information\": 100, \"simple\": 200, \"complex\": 300}}]}";
        coord_tariff_record records[3];
        coord_record_result results[3];
        int i;
        CHECK(coord_tariff_new_json(PACKAGE, sizeof PACKAGE - 1, &custom) == COORD_OK);
        files[0] = make_facts(20240305, 0, 0, 0);
        files[1] = make_facts(20240312, 2, 1, 0);
        files[2] = make_facts(20240320, 0, 0, 0);
        CHECK(coord_tariff_price(custom, files, 3, levels, cents, &total) == COORD_ERR_RULES);
        CHECK(strstr(coord_last_error_message(), "coord_tariff_price_records") != NULL);
        memset(records, 0, sizeof records);
        for (i = 0; i < 3; i++) {
            records[i].facts = files[i];
            records[i].record_id = (uint64_t)(i + 1);
            records[i].file_id = 42;
            records[i].patient_id = 7;
            records[i].coordinator_id = 3;
            records[i].kind = i == 0 ? COORD_ACT_INCLUSION : COORD_ACT_FOLLOW_UP;
        }
        CHECK(coord_tariff_price_records(custom, records, 3, NULL, 0, results, &total) == COORD_OK);
        CHECK(total == 200);
        CHECK(results[1].outcome == COORD_RECORD_PRICED && results[1].cents == 200 && results[1].level == COORD_LEVEL_SIMPLE);
        CHECK(results[0].outcome == COORD_RECORD_PERIOD_PAID && results[0].cents == 0);
        CHECK(results[2].outcome == COORD_RECORD_PERIOD_PAID && results[2].cents == 0);
        /* Errors name the record; outputs are written only on success. */
        records[1].kind = 9;
        total = -1;
        CHECK(coord_tariff_price_records(custom, records, 3, NULL, 0, results, &total) == COORD_ERR_INVALID && total == -1);
        CHECK(strstr(coord_last_error_message(), "records[1].kind") != NULL);
        records[1].kind = COORD_ACT_FOLLOW_UP;
        records[2].facts.providers_contacted = -1;
        CHECK(coord_tariff_price_records(custom, records, 3, NULL, 0, results, &total) == COORD_ERR_INVALID && total == -1);
        CHECK(strstr(coord_last_error_message(), "records[2].facts.providers_contacted") != NULL);
        records[2].facts.providers_contacted = 0;
        records[2].record_id = 1;   /* the id of records[0] */
        CHECK(coord_tariff_price_records(custom, records, 3, NULL, 0, results, &total) == COORD_ERR_INVALID && total == -1);
        CHECK(strstr(coord_last_error_message(), "records[2].record_id") != NULL);
        records[2].record_id = 3;
        CHECK(coord_tariff_price_records(custom, NULL, 3, NULL, 0, results, &total) == COORD_ERR_INVALID);
        CHECK(coord_tariff_price_records(custom, records, 0, NULL, 0, NULL, &total) == COORD_OK && total == 0);
        coord_tariff_free(custom);
    }
}

static const char IFAQ_INPUT[] =
    "{\"hospitals\": ["
    "{\"id\": \"H1\", \"field\": \"MCO\", \"group\": \"MCO-1\", \"baseCents\": 100000000},"
    "{\"id\": \"H2\", \"field\": \"MCO\", \"group\": \"MCO-1\", \"baseCents\": 300000000, \"army\": true}],"
    " \"results\": ["
    "{\"hospital\": \"H1\", \"indicator\": \"QLS\", \"year\": 2022, \"status\": \"collected\", \"value\": 80},"
    "{\"hospital\": \"H1\", \"indicator\": \"QLS\", \"year\": 2021, \"status\": \"collected\", \"value\": 70},"
    "{\"hospital\": \"H2\", \"indicator\": \"QLS\", \"year\": 2022, \"status\": \"collected\", \"value\": 60},"
    "{\"hospital\": \"H2\", \"indicator\": \"ICSHA\", \"year\": 2022, \"status\": \"invalidated\"}]}";

static void test_ifaq(void) {
    coord_ifaq *rules = NULL;
    char *out = NULL;
    size_t length = 0;

    CHECK(coord_ifaq_new_builtin(2023, &rules) == COORD_OK && rules != NULL);
    CHECK(coord_ifaq_compute_json(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, &out, &length) == COORD_OK);
    CHECK(out != NULL && length == strlen(out));
    CHECK(out != NULL && strstr(out, "\"format\":\"coordinationkit.ifaq-result\\/1\"") != NULL);
    CHECK(out != NULL && strstr(out, "\"dotationCents\"") != NULL);
    CHECK(out != NULL && strstr(out, "\"explanation\"") != NULL);
    coord_free(out);

    /* Without the explanations: the same amounts, no reasoning; an unknown flag refused. */
    {
        char *full = NULL, *bare = NULL;
        size_t full_length = 0, bare_length = 0;
        CHECK(coord_ifaq_compute_json_flags(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, 0, &full, &full_length) == COORD_OK);
        CHECK(coord_ifaq_compute_json_flags(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, COORD_IFAQ_NO_EXPLANATIONS, &bare, &bare_length) == COORD_OK);
        CHECK(full != NULL && bare != NULL && bare_length < full_length);
        CHECK(bare != NULL && strstr(bare, "\"explanation\":[]") != NULL && strstr(bare, "\"dotationCents\"") != NULL);
        CHECK(full != NULL && strstr(full, "\"explanation\":[]") == NULL);
        coord_free(full);
        coord_free(bare);
        bare = NULL;
        CHECK(coord_ifaq_compute_json_flags(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, 0x6, &bare, &bare_length) == COORD_ERR_INVALID && bare == NULL);
        CHECK(strstr(coord_last_error_message(), "flags") != NULL);
    }

    out = NULL;
    CHECK(coord_ifaq_compute_json(rules, "{\"hospitals\": 3}", 16, &out, &length) == COORD_ERR_PARSE && out == NULL);
    CHECK(strstr(coord_last_error_message(), "hospitals") != NULL);
    {
        static const char BAD_GROUP[] =
            "{\"hospitals\": [{\"id\": \"H1\", \"field\": \"MCO\", \"group\": \"NOPE\", \"baseCents\": 1}], \"results\": []}";
        CHECK(coord_ifaq_compute_json(rules, BAD_GROUP, sizeof BAD_GROUP - 1, &out, &length) == COORD_ERR_INVALID);
        CHECK(strstr(coord_last_error_message(), "unknown group") != NULL);
    }
    CHECK(coord_ifaq_compute_json(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, NULL, &length) == COORD_ERR_INVALID);
    CHECK(coord_ifaq_compute_json(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, &out, NULL) == COORD_ERR_INVALID);
    CHECK(coord_ifaq_compute_json(NULL, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, &out, &length) == COORD_ERR_INVALID);
    CHECK(coord_ifaq_compute_json(rules, NULL, 5, &out, &length) == COORD_ERR_INVALID);

    /* Published parameters and what-if: a 2-hospital input is not a national campaign. */
    out = NULL;
    CHECK(coord_ifaq_export_parameters_json(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, &out, &length) == COORD_ERR_INVALID && out == NULL);
    CHECK(strstr(coord_last_error_message(), "not a national campaign") != NULL);
    {
        static const char SCENARIO[] = "{\"format\": \"coordinationkit.ifaq-scenario/1\", \"name\": \"level 60\","
            " \"scoring\": {\"levelWeightBasisPoints\": 6000, \"changeWeightBasisPoints\": 4000}}";
        CHECK(coord_ifaq_what_if_json(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, SCENARIO, sizeof SCENARIO - 1, &out, &length)
              == COORD_ERR_INVALID && out == NULL);
        CHECK(strstr(coord_last_error_message(), "not a national campaign") != NULL);
        CHECK(coord_ifaq_what_if_json(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, "[{}]", 4, &out, &length) == COORD_ERR_PARSE);
        CHECK(coord_ifaq_what_if_json(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, NULL, 3, &out, &length) == COORD_ERR_INVALID);
        CHECK(coord_ifaq_what_if_json(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, SCENARIO, sizeof SCENARIO - 1, NULL, &length)
              == COORD_ERR_INVALID);
    }
    CHECK(coord_ifaq_compute_with_parameters_json(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, "{\"format\": 1}", 13, &out, &length)
          == COORD_ERR_PARSE && out == NULL);
    CHECK(coord_ifaq_compute_with_parameters_json(NULL, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, "{}", 2, &out, &length) == COORD_ERR_INVALID);
    {
        static const char OTHER[] = "{\"format\": \"coordinationkit.ifaq-parameters/1\", \"campaign\": 2022, \"ruleSet\": \"x\","
            " \"source\": \"y\", \"groups\": []}";
        CHECK(coord_ifaq_compute_with_parameters_json(rules, IFAQ_INPUT, sizeof IFAQ_INPUT - 1, OTHER, sizeof OTHER - 1, &out, &length)
              == COORD_ERR_INVALID && out == NULL);
        CHECK(strstr(coord_last_error_message(), "campaign 2022") != NULL);
    }
    coord_ifaq_free(rules);
    coord_ifaq_free(NULL);

    rules = NULL;
    CHECK(coord_ifaq_new_builtin(2020, &rules) == COORD_ERR_NOT_FOUND && rules == NULL);
    CHECK(strstr(coord_last_error_message(), "2023") != NULL);
    CHECK(coord_ifaq_new_builtin(2019, NULL) == COORD_ERR_INVALID);
    CHECK(coord_ifaq_new_json("{}", 2, &rules) == COORD_ERR_PARSE);
    CHECK(coord_ifaq_new_json("not json", 8, &rules) == COORD_ERR_PARSE);
}

/* Calls a JSON entry point's result through: non-empty, NUL-terminated, freed. */
static int json_ok(coord_status status, char *out, size_t length, const char *needle) {
    int ok = status == COORD_OK && out != NULL && strlen(out) == length && strstr(out, needle) != NULL;
    if (!ok) fprintf(stderr, "status %d: %s\n", (int)status, coord_last_error_message());
    coord_free(out);
    return ok;
}

static void test_calendar_lists(void) {
    int32_t dates[16];
    size_t count = 0;
    int32_t working = -1;
    CHECK(coord_holidays(2024, COORD_CALENDAR_METROPOLE, NULL, 0, &count) == COORD_OK && count == 11);
    CHECK(coord_holidays(2024, COORD_CALENDAR_ALSACE_MOSELLE, dates, 16, &count) == COORD_OK && count == 13);
    CHECK(dates[0] == 20240101 && dates[count - 1] == 20241226);
    CHECK(coord_holidays(2024, COORD_CALENDAR_METROPOLE, dates, 3, &count) == COORD_ERR_INVALID);
    CHECK(strstr(coord_last_error_message(), "capacity") != NULL);
    CHECK(coord_holidays(2024, 99, dates, 16, &count) == COORD_ERR_INVALID);
    CHECK(coord_holidays(1200, COORD_CALENDAR_METROPOLE, dates, 16, &count) == COORD_ERR_INVALID);
    CHECK(coord_holidays(2024, COORD_CALENDAR_METROPOLE, dates, 16, NULL) == COORD_ERR_INVALID);
    CHECK(coord_is_working_day(20240401, COORD_CALENDAR_METROPOLE, &working) == COORD_OK && working == 0); /* Easter Monday */
    CHECK(coord_is_working_day(20240402, COORD_CALENDAR_METROPOLE, &working) == COORD_OK && working == 1);
    CHECK(coord_is_working_day(20240329, COORD_CALENDAR_ALSACE_MOSELLE, &working) == COORD_OK && working == 0); /* Good Friday */
    CHECK(coord_is_working_day(20240230, COORD_CALENDAR_METROPOLE, &working) == COORD_ERR_INVALID);
    CHECK(coord_is_working_day(20240402, COORD_CALENDAR_METROPOLE, NULL) == COORD_ERR_INVALID);
}

static const char ACI_YEAR[] =
    "{\"msp\": \"MSP\", \"year\": 2023, \"signatureDate\": \"2022-01-01\", \"patients\": 4000, \"professionals\": 10,"
    " \"achieved\": {\"HORAIRES\": 1, \"CRISES-PLAN\": 1, \"COORDINATION\": 1, \"SI-STANDARD\": 1, \"PROTOCOLES\": 2}}";
static const char FUND[] =
    "{\"year\": 2024, \"dotation\": 25000000001, \"schemeShares\": {\"general\": 8700, \"agricultural\": 700,"
    " \"selfEmployed\": 600}, \"experimentsBasisPoints\": 1000, \"nationalBasisPoints\": 3000, \"regionalBasisPoints\": 6000}";
static const char SPLIT[] =
    "{\"criteria\": [{\"name\": \"population\", \"shareBasisPoints\": 10000, \"values\": {\"84\": 2, \"11\": 1}}]}";
static const char CASE_OPEN[] =
    "{\"format\": \"coordinationkit.case/2\", \"id\": \"C1\", \"patient\": {\"ins\": \"262087503203977\","
    " \"birthDate\": \"1962-08-15\", \"territory\": {\"region\": \"84\", \"departement\": \"69\", \"commune\": \"69123\"},"
    " \"medecinTraitant\": \"10000000001\", \"consents\": [\"health\"]}, \"history\": [{\"date\": \"2024-01-05\","
    " \"author\": \"10000000001\", \"role\": \"gp\", \"action\": {\"open\": {\"gp\": {\"id\": \"10000000001\", \"name\": \"Dr Martin\","
    " \"profession\": \"medecin-generaliste\", \"sector\": \"health\"}, \"mode\": \"lasting\", \"policy\": {\"requiresGPValidation\": true}}}}]}";
static const char DESIGNATE[] =
    "{\"date\": \"2024-01-08\", \"author\": \"10000000001\", \"action\": {\"designateCoordinator\": {\"coordinator\":"
    " {\"id\": \"10000000003\", \"name\": \"IDE Petit\", \"profession\": \"infirmier\", \"sector\": \"health\"}, \"structure\": \"CLIC69\"}}}";
static const char CLOSE_BY_STRANGER[] =
    "{\"date\": \"2024-01-09\", \"author\": \"10000000009\", \"action\": {\"close\": {\"reason\": \"no\"}}}";

static void test_engines_json(void) {
    char *out = NULL;
    size_t length = 0;
    { coord_status status_ = coord_aci_remuneration_json(NULL, 0, ACI_YEAR, sizeof ACI_YEAR - 1, &out, &length); CHECK(json_ok(status_, out, length, "\"totalCents\"")); }
    out = NULL;
    CHECK(coord_aci_remuneration_json(NULL, 0, "{\"msp\": 1}", 10, &out, &length) == COORD_ERR_PARSE && out == NULL);
    CHECK(coord_aci_remuneration_json("{}", 2, ACI_YEAR, sizeof ACI_YEAR - 1, &out, &length) == COORD_ERR_PARSE);
    CHECK(coord_aci_remuneration_json(NULL, 0, ACI_YEAR, sizeof ACI_YEAR - 1, NULL, &length) == COORD_ERR_INVALID);
    { coord_status status_ = coord_fiqcs_fund_year_json(FUND, sizeof FUND - 1, &out, &length); CHECK(json_ok(status_, out, length, "\"general\":21750000001")); }
    out = NULL;
    CHECK(coord_fiqcs_fund_year_json("{\"year\": 2024}", 14, &out, &length) == COORD_ERR_PARSE);
    { coord_status status_ = coord_fiqcs_regional_split_json(SPLIT, sizeof SPLIT - 1, 100, &out, &length); CHECK(json_ok(status_, out, length, "\"84\":67")); }
    out = NULL;
    CHECK(coord_fiqcs_regional_split_json(SPLIT, sizeof SPLIT - 1, -1, &out, &length) == COORD_ERR_INVALID);
    {
        char lines[sizeof CASE_OPEN * 2 + 2];
        snprintf(lines, sizeof lines, "%s\n\n%s\n", CASE_OPEN, CASE_OPEN);
        { coord_status status_ = coord_quality_report_jsonl(lines, strlen(lines), &out, &length); CHECK(json_ok(status_, out, length, "\"overall\"")); }
        out = NULL;
        CHECK(coord_quality_report_jsonl("{\"format\": 3}\n", 14, &out, &length) == COORD_ERR_PARSE);
        CHECK(strstr(coord_last_error_message(), "line 1") != NULL);
    }
    { coord_status status_ = coord_case_record_json(CASE_OPEN, sizeof CASE_OPEN - 1, DESIGNATE, sizeof DESIGNATE - 1, &out, &length); CHECK(json_ok(status_,
                  out, length, "\"structure\":\"CLIC69\"")); }
    out = NULL;
    CHECK(coord_case_record_json(CASE_OPEN, sizeof CASE_OPEN - 1, CLOSE_BY_STRANGER, sizeof CLOSE_BY_STRANGER - 1, &out, &length) == COORD_ERR_STATE);
    CHECK(strstr(coord_last_error_message(), "10000000009") != NULL && out == NULL);
    CHECK(coord_case_plan_view_json(CASE_OPEN, sizeof CASE_OPEN - 1, "10000000001", 11, &out, &length) == COORD_ERR_STATE);
    CHECK(strstr(coord_last_error_message(), "no PPS") != NULL);
    CHECK(coord_case_plan_view_json(CASE_OPEN, sizeof CASE_OPEN - 1, "x", 1, &out, &length) == COORD_ERR_INVALID);
    CHECK(coord_case_plan_view_json(CASE_OPEN, sizeof CASE_OPEN - 1, NULL, 0, &out, &length) == COORD_ERR_PARSE);
}

static coord_text text_of(const char *value) {
    coord_text text;
    text.data = value;
    text.length = strlen(value);
    return text;
}

static void test_ifaq_structs(void) {
    coord_ifaq *rules = NULL;
    coord_ifaq_result *result = NULL;
    coord_ifaq_hospital hospitals[2];
    coord_ifaq_row rows[4];
    coord_ifaq_input input;
    coord_ifaq_totals totals;
    coord_ifaq_group_result group;
    coord_ifaq_hospital_result hospital;
    coord_ifaq_indicator_result indicator;
    int32_t date = 0;
    int64_t cents = 0;
    char *text = NULL;
    size_t length = 0;
    int i;
    CHECK(coord_ifaq_new_builtin(2023, &rules) == COORD_OK);
    memset(hospitals, 0, sizeof hospitals);
    memset(rows, 0, sizeof rows);
    for (i = 0; i < 2; i++) {
        hospitals[i].id = text_of(i == 0 ? "750000001" : "750000002");
        hospitals[i].field = text_of("MCO");
        hospitals[i].group = text_of("MCO-1");
        hospitals[i].base_cents = 100000000 * (i + 1);
        hospitals[i].dotation_2019_cents = COORD_IFAQ_NOT_GIVEN;
        hospitals[i].previous_base_cents = COORD_IFAQ_NOT_GIVEN;
    }
    for (i = 0; i < 4; i++) {
        rows[i].hospital = hospitals[i % 2].id;
        rows[i].indicator = text_of("QLS");
        rows[i].year = i < 2 ? 2022 : 2021;
        rows[i].status = COORD_IFAQ_COLLECTED;
        rows[i].value_thousandths = 60000 + 10000 * (i % 2) + (i < 2 ? 5000 : 0);
    }
    memset(&input, 0, sizeof input);
    input.hospitals = hospitals;
    input.hospital_count = 2;
    input.results = rows;
    input.result_count = 4;
    input.explanations = 0;
    CHECK(coord_ifaq_compute(rules, &input, &result) == COORD_OK && result != NULL);
    CHECK(coord_ifaq_result_totals(result, &totals) == COORD_OK && totals.hospital_count == 2);
    CHECK(totals.distributed_cents + totals.unspent_cents == totals.envelope_cents);
    CHECK(coord_ifaq_result_group(result, 0, &group) == COORD_OK && strcmp(group.id, "MCO-1") == 0);
    CHECK(coord_ifaq_result_hospital(result, 1, &hospital) == COORD_OK && strcmp(hospital.id, "750000002") == 0);
    CHECK(hospital.instalment_count == 12 && hospital.penalty == COORD_IFAQ_PENALTY_NONE);
    CHECK(coord_ifaq_result_indicator(result, 1, 0, &indicator) == COORD_OK && indicator.indicator != NULL);
    CHECK(coord_ifaq_result_instalment(result, 1, 0, &date, &cents) == COORD_OK && date / 10000 == 2023);
    CHECK(coord_ifaq_result_explanation(result, 1, &text, &length) == COORD_OK && strlen(text) == length && strstr(text, "750000002") != NULL);
    coord_free(text);
    text = NULL;
    CHECK(coord_ifaq_result_json(result, &text, &length) == COORD_OK && strstr(text, "\"hospitals\"") != NULL);
    coord_free(text);
    text = NULL;
    /* Error paths: indexes, NULLs, another handle type, bad rows. */
    CHECK(coord_ifaq_result_hospital(result, 2, &hospital) == COORD_ERR_INVALID);
    CHECK(coord_ifaq_result_indicator(result, 0, 99, &indicator) == COORD_ERR_INVALID);
    CHECK(coord_ifaq_result_instalment(result, 0, 12, &date, &cents) == COORD_ERR_INVALID);
    CHECK(coord_ifaq_result_group(result, 0, NULL) == COORD_ERR_INVALID);
    CHECK(coord_ifaq_result_totals((const coord_ifaq_result *)rules, &totals) == COORD_ERR_INVALID);
    coord_ifaq_result_free(result);
    coord_ifaq_result_free(NULL);
    result = NULL;
    rows[1].status = 9;
    CHECK(coord_ifaq_compute(rules, &input, &result) == COORD_ERR_INVALID && result == NULL);
    CHECK(strstr(coord_last_error_message(), "input->results[1].status") != NULL);
    rows[1].status = COORD_IFAQ_COLLECTED;
    input.results = NULL;
    CHECK(coord_ifaq_compute(rules, &input, &result) == COORD_ERR_INVALID);
    input.results = rows;
    hospitals[0].group = text_of("NOPE");
    CHECK(coord_ifaq_compute(rules, &input, &result) == COORD_ERR_INVALID);
    CHECK(coord_ifaq_compute(rules, NULL, &result) == COORD_ERR_INVALID);
    coord_ifaq_free(rules);
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
        test_tariff();
        if (round % 20 == 0) test_ifaq();
        test_calendar_lists();
        if (round % 20 == 0) test_engines_json();
        if (round % 20 == 0) test_ifaq_structs();
    }
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("c_abi_test: all checks passed\n");
    return 0;
}
