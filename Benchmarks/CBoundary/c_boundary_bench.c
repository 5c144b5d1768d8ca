/*
** c_boundary_bench.c: the cost of CoordinationKit's C boundary.
**
** Prices the same 10,000,000 synthetic files (the generator of SyntheticData.facts, seed 2014,
** year 2024, replicated here bit for bit) three ways, in one run:
**   floor  a plain C loop doing the same work (date check, classification, table lookup);
**   batch  one coord_tariff_price call for all files;
**   calls  one coord_tariff_price call per file;
** and times coord_ifaq_compute_json (and with COORD_IFAQ_NO_EXPLANATIONS) on a national
** campaign document given as argument.
** Prints each as ns per file and as a ratio to the floor. Built by Benchmarks/run.sh with the
** README's C recipe against the self-contained libcoordination.so.0.
**
** usage: c_boundary_bench [FILES] [IFAQ_INPUT.json]
*/
#define _POSIX_C_SOURCE 199309L
#include "coordination.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t state;
static uint64_t next(void) {
    uint64_t z;
    state += 0x9E3779B97F4A7C15ULL;
    z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
__extension__ typedef unsigned __int128 u128;
static uint64_t below(uint64_t bound) { return (uint64_t)(((u128)next() * bound) >> 64); }

/* Days since 1970-01-01 to YYYYMMDD (proleptic Gregorian). */
static int32_t civil(int64_t days) {
    int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
    return (int32_t)(y * 10000 + m * 100 + d);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int valid_date(int32_t v) {
    static const int days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = v / 10000, m = v / 100 % 100, d = v % 100, leap;
    if (v < 10101 || v > 99991231 || m < 1 || m > 12 || d < 1) return 0;
    leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m] + (m == 2 && leap);
}

int main(int argc, char **argv) {
    size_t count = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 10000000u, i;
    coord_file_facts *files = (coord_file_facts *)calloc(count, sizeof *files);
    int32_t *levels = (int32_t *)malloc(count * sizeof *levels);
    int64_t *cents = (int64_t *)malloc(count * sizeof *cents);
    static const int64_t price[4] = {0, 2200, 8000, 13500};
    coord_tariff *tariff = NULL;
    int64_t total = 0, floor_total = 0, calls_total = 0;
    double t0, floor_s, batch_s, calls_s;
    if (!files || !levels || !cents) { fprintf(stderr, "out of memory\n"); return 1; }

    state = 2014; /* SyntheticData.facts(count:, year: 2024, seed: 2014) */
    for (i = 0; i < count; i++) {
        int64_t day = 19723 + (int64_t)below(366); /* 2024-01-01 */
        uint64_t roll = below(100);
        int evaluation = roll >= 35;
        files[i].date = civil(day);
        files[i].providers_contacted = evaluation ? (roll < 80 ? 1 + (int32_t)below(2) : (int32_t)below(6)) : 0;
        files[i].formal_evaluation = (uint8_t)evaluation;
        files[i].financing_file = (uint8_t)(evaluation && roll >= 80 && below(2) == 0);
        files[i].external_expertise = (uint8_t)(evaluation && roll >= 90);
    }

    /* Touch the output arrays first so that no run pays the page faults of the first write. */
    memset(levels, 0, count * sizeof *levels);
    memset(cents, 0, count * sizeof *cents);

    /* floor: the same work in plain C. */
    t0 = now();
    for (i = 0; i < count; i++) {
        const coord_file_facts *f = &files[i];
        int level;
        if (!valid_date(f->date) || f->date < 20140101 || f->providers_contacted < 0 || f->reserved) return 2;
        level = !f->formal_evaluation ? 1
              : (f->providers_contacted > 2 || f->financing_file || f->external_expertise) ? 3 : 2;
        levels[i] = level;
        cents[i] = price[level];
        floor_total += price[level];
    }
    floor_s = now() - t0;

    if (coord_tariff_new_default(&tariff) != COORD_OK) return 3;
    t0 = now();
    if (coord_tariff_price(tariff, files, count, levels, cents, &total) != COORD_OK) {
        fprintf(stderr, "%s\n", coord_last_error_message());
        return 4;
    }
    batch_s = now() - t0;

    t0 = now();
    for (i = 0; i < count; i++) {
        int64_t one;
        if (coord_tariff_price(tariff, &files[i], 1, NULL, NULL, &one) != COORD_OK) return 5;
        calls_total += one;
    }
    calls_s = now() - t0;
    coord_tariff_free(tariff);

    if (total != floor_total || calls_total != floor_total) {
        fprintf(stderr, "totals differ: floor %lld batch %lld calls %lld\n", (long long)floor_total,
                (long long)total, (long long)calls_total);
        return 6;
    }
    printf("tariff, %zu files, total %lld cents (identical in the three runs)\n", count, (long long)total);
    printf("  floor (plain C loop)         %8.2f ns/file  %7.1f M files/s  1.00x\n", floor_s * 1e9 / count, count / floor_s / 1e6);
    printf("  coord_tariff_price, 1 batch  %8.2f ns/file  %7.1f M files/s  %.2fx\n", batch_s * 1e9 / count, count / batch_s / 1e6, batch_s / floor_s);
    printf("  coord_tariff_price per file  %8.2f ns/call  %7.1f M calls/s  %.2fx\n", calls_s * 1e9 / count, count / calls_s / 1e6, calls_s / floor_s);

    if (argc > 2) {
        FILE *in = fopen(argv[2], "rb");
        char *json, *out = NULL;
        long size;
        size_t length = 0;
        coord_ifaq *rules = NULL;
        int run;
        double best = 1e9;
        if (!in) { fprintf(stderr, "cannot open %s\n", argv[2]); return 7; }
        fseek(in, 0, SEEK_END);
        size = ftell(in);
        fseek(in, 0, SEEK_SET);
        json = (char *)malloc((size_t)size);
        if (!json || fread(json, 1, (size_t)size, in) != (size_t)size) return 8;
        fclose(in);
        if (coord_ifaq_new_builtin(2023, &rules) != COORD_OK) return 9;
        for (run = 0; run < 5; run++) {
            t0 = now();
            if (coord_ifaq_compute_json(rules, json, (size_t)size, &out, &length) != COORD_OK) {
                fprintf(stderr, "%s\n", coord_last_error_message());
                return 10;
            }
            if (now() - t0 < best) best = now() - t0;
            coord_free(out);
        }
        printf("ifaq, coord_ifaq_compute_json on %s (%.1f MB in, %.1f MB out): best of 5 %.1f ms\n",
               argv[2], size / 1e6, length / 1e6, best * 1e3);
        best = 1e9;
        for (run = 0; run < 5; run++) {
            t0 = now();
            if (coord_ifaq_compute_json_flags(rules, json, (size_t)size, COORD_IFAQ_NO_EXPLANATIONS, &out, &length) != COORD_OK) {
                fprintf(stderr, "%s\n", coord_last_error_message());
                return 11;
            }
            if (now() - t0 < best) best = now() - t0;
            coord_free(out);
        }
        printf("ifaq, coord_ifaq_compute_json_flags(COORD_IFAQ_NO_EXPLANATIONS), same input (%.1f MB out): best of 5 %.1f ms\n",
               length / 1e6, best * 1e3);
        coord_ifaq_free(rules);
        free(json);
    }
    free(files);
    free(levels);
    free(cents);
    return 0;
}
