/*
** coordination.h: the C interface of CoordinationKit.
**
** CoordinationKit computes French care-coordination and hospital-funding rules: the
** coordination tariff, the IFAQ quality funding of hospitals, the legal calendar of their
** procedures and exact money splits. This header is the whole C ABI; it is hand-written and
** is the single source of truth (the Swift implementation is checked against it when built).
**
** CONVENTIONS
**
**   Names      Every symbol starts with coord_, every macro with COORD_.
**
**   Status     Functions that can fail return a coord_status: COORD_OK (0) on success, a
**              negative COORD_ERR_* code otherwise. Codes are pinned: a value never changes
**              meaning in any later version. Results are written through `out` pointers, which
**              are only written on success unless the function says otherwise.
**
**   Messages   After a failure, coord_last_error_message() names the argument, field, index
**              or line at fault. It is kept per thread, owned by the library, and valid until
**              the next coord_ call on the same thread; after a success it is "".
**
**   Memory     Handles (coord_tariff, ...) are opaque, created by a coord_*_new* function and
**              released by the matching coord_*_free, which accepts NULL. Like SQLite's
**              connections, a handle carries a tag checked on every use: a freed handle or a
**              handle of another type is refused with COORD_ERR_INVALID (and ignored by the
**              _free functions) as long as its memory can still be read; any other pointer is
**              undefined behaviour. A result the library cannot allocate is COORD_ERR_NOMEM. Memory the library
**              returns (strings, documents) is released with coord_free(), never with free().
**              The library never keeps a pointer the caller passed in.
**
**   Threads    Every function may be called from any thread. Handles are immutable once
**              created and may be shared by any number of threads without locking.
**
**   Input      Sizes and counts are explicit. Text is UTF-8 with an explicit length and need
**              not be NUL-terminated; invalid UTF-8 is an error, never repaired. Documents
**              are JSON. Dates are YYYYMMDD integers (20220430). Money is int64_t euro cents.
**              Every argument is validated: bad input returns a status, it never aborts the
**              calling process. Limits: a document is at most 1 GiB (rule sets 16 MiB), a
**              batch at most 100,000,000 records, a count of instalments 1,000,000. Every
**              pointer argument is required unless its function says it may be NULL.
**
**   Documents  JSON documents are read strictly, by the same reader as the Swift API and the
**              command line: a key that no field reads, a fraction or an exponent in a
**              whole-number field, a value of the wrong kind, a missing field, a value outside
**              an enumeration, a duplicated key are COORD_ERR_PARSE, and the message names the
**              path in plain words: `hospitals[3].armY: unknown key (did you mean "army"?)`,
**              `schedules[0].levels.simple: expected a whole number, found 100.5`. History:
**              since the third edition of 0.1.0, an unknown key is an error (it was ignored,
**              so a misspelt optional key silently changed an amount).
**
**   Versions   COORD_VERSION_NUMBER is the version of this header; coord_version_number() the
**              version of the library actually loaded. Functions are only added, never
**              changed: a new behaviour gets a new name (a _v2 suffix).
*/
#ifndef COORDINATION_H
#define COORDINATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- version ------------------------------------------------------------------------- */

#define COORD_VERSION_MAJOR  0
#define COORD_VERSION_MINOR  2
#define COORD_VERSION_PATCH  0
/* MAJOR*1000000 + MINOR*1000 + PATCH, always a literal. */
#define COORD_VERSION_NUMBER 2000
#define COORD_VERSION_STRING "0.2.0"

/* The version of the library loaded: COORD_VERSION_NUMBER of the header it was built with. */
int32_t coord_version_number(void);

/* "0.2.0". Static storage: never free it. */
const char *coord_version_string(void);

/* ---- status and errors --------------------------------------------------------------- */

typedef int32_t coord_status;

#define COORD_OK              0
#define COORD_ERR_INVALID    -1   /* NULL where not allowed, out of range, inconsistent arguments */
#define COORD_ERR_PARSE      -2   /* a document is not UTF-8 / not JSON / lacks or mistypes a field */
#define COORD_ERR_RULES      -3   /* a rule set is invalid, or none is in force for the date asked */
#define COORD_ERR_OVERFLOW   -4   /* an amount or count does not fit */
#define COORD_ERR_STATE      -5   /* an operation not allowed in the current state */
#define COORD_ERR_NOT_FOUND  -6   /* an identifier (campaign, calendar, ...) the library does not know */
#define COORD_ERR_NOMEM      -7   /* memory for a result could not be allocated */
#define COORD_ERR_INTERNAL  -99   /* a bug in the library: please report it with the message */

/* A fixed English text for `status` ("ok", "invalid argument", ...). Unknown codes get
   "unknown status". Static storage: never free it. */
const char *coord_status_string(coord_status status);

/* The calling thread's last error message, naming the argument, field or index at fault;
   "" after a success. Owned by the library; valid until the next coord_ call on this thread.
   Never NULL. */
const char *coord_last_error_message(void);

/* Releases memory the library returned (documents, strings). NULL is a no-op. */
void coord_free(void *ptr);

/* ---- calendar ------------------------------------------------------------------------ */

/* Public-holiday calendars. Metropolitan France (code du travail L3133-1); Alsace-Moselle
   adds Good Friday and 26 December (L3134-13); overseas départements add the abolition of
   slavery day (décret 83-1003). */
#define COORD_CALENDAR_METROPOLE       0
#define COORD_CALENDAR_ALSACE_MOSELLE  1
#define COORD_CALENDAR_GUADELOUPE      2   /* + 27 May */
#define COORD_CALENDAR_MARTINIQUE      3   /* + 22 May */
#define COORD_CALENDAR_GUYANE          4   /* + 10 June */
#define COORD_CALENDAR_REUNION         5   /* + 20 December */
#define COORD_CALENDAR_MAYOTTE         6   /* + 27 April */

/* The date `working_days` jours ouvrés after `date` (the day of `date` not counted; weekends
   and the calendar's public holidays skipped). A negative count goes backwards; 0 returns
   `date`. Errors: COORD_ERR_INVALID for a date that does not exist (20230230), an unknown
   calendar, |working_days| > 1000000, a NULL out_date or a result past 99991231.
   Cost: O(|working_days|). */
coord_status coord_add_working_days(int32_t date, int32_t working_days, int32_t calendar,
                                    int32_t *out_date);

/* The public holidays of `year` in `calendar`, as YYYYMMDD dates in calendar order, into
   out_dates (which holds `capacity` items); *out_count receives their number. Pass out_dates
   NULL (capacity 0) to ask the number first. Errors: COORD_ERR_INVALID for a year outside
   1583..9999, an unknown calendar, a capacity below the number of holidays (nothing written
   but the message), a NULL out_count. Cost: O(1), about a dozen dates; measured under 1 us. */
coord_status coord_holidays(int32_t year, int32_t calendar, int32_t *out_dates, size_t capacity,
                            size_t *out_count);

/* *out_is_working_day = 1 when `date` is a jour ouvré of `calendar` (not a Saturday, Sunday
   or public holiday), else 0. Errors: COORD_ERR_INVALID for a date that does not exist, an
   unknown calendar or a NULL out_is_working_day. Cost: O(1); measured about 0.1 us. */
coord_status coord_is_working_day(int32_t date, int32_t calendar, int32_t *out_is_working_day);

/* ---- money splits -------------------------------------------------------------------- */

/* Splits `amount_cents` into `count` instalments of whole cents that add up exactly to it.
   Each instalment is floor(|amount| / count) cents; the first |amount| mod count instalments
   carry one more cent (12 instalments of 1 cent: 1, 0, 0, ...). A negative amount gives
   negative instalments. `out_cents` must hold `count` items. Errors: COORD_ERR_INVALID for
   count < 1 or > 1000000, or a NULL out_cents. */
coord_status coord_split_instalments(int64_t amount_cents, int32_t count, int64_t *out_cents);

/* ---- coordination tariff ------------------------------------------------------------- */

/* Complexity levels of a coordination file (IGAS report 2014-010R, Santélys study). */
#define COORD_LEVEL_INFORMATION 1   /* information / orientation */
#define COORD_LEVEL_SIMPLE      2   /* simple coordination */
#define COORD_LEVEL_COMPLEX     3   /* complex coordination */

/* The facts of one coordination file. */
typedef struct coord_file_facts {
    int32_t date;                 /* YYYYMMDD the prestation was delivered */
    int32_t providers_contacted;  /* providers or structures contacted to start care, >= 0 */
    uint8_t formal_evaluation;    /* 1 if a formal needs evaluation took place, else 0 */
    uint8_t financing_file;       /* 1 if an aid / financing file was built */
    uint8_t external_expertise;   /* 1 if outside expertise was used for the evaluation */
    uint8_t reserved;             /* must be 0 */
} coord_file_facts;

/* The level of one file: no formal evaluation -> INFORMATION; a formal evaluation and (more
   than 2 providers, or a financing file, or outside expertise) -> COMPLEX; otherwise SIMPLE
   (a formal evaluation with 0 providers is SIMPLE, a case the study leaves open). `date` is
   validated but does not change the level. Errors: COORD_ERR_INVALID for NULL pointers, an
   impossible date, negative providers, a flag other than 0/1 or a non-zero reserved byte. */
coord_status coord_classify(const coord_file_facts *facts, int32_t *out_level);

/* A tariff: dated schedules of amounts per level. Immutable; safe to share between threads. */
typedef struct coord_tariff coord_tariff;

/* The built-in default: the three Santélys levels, 2,200 / 8,000 / 13,500 cents per file, in
   force from 20140101 with no end date, priced per act (IGAS report 2014-010R [266]-[270]).
   Free with coord_tariff_free. Errors: COORD_ERR_INVALID for a NULL out. */
coord_status coord_tariff_new_default(coord_tariff **out);

/* A tariff from a JSON rule set (format "coordinationkit.tariff/1", documented in
   docs/TARIFF.md): dated schedules of two or three levels, amounts in cents, payment mode,
   limits. `json` is UTF-8 of `length` bytes, need not be NUL-terminated. Errors:
   COORD_ERR_PARSE (not UTF-8 / not JSON / a field missing or mistyped: the message names its
   path), COORD_ERR_RULES (overlapping or gapped periods, a missing level, a negative amount),
   COORD_ERR_INVALID (NULL arguments). *out is only written on success. */
coord_status coord_tariff_new_json(const char *json, size_t length, coord_tariff **out);

/* Releases a tariff. NULL is a no-op. */
void coord_tariff_free(coord_tariff *tariff);

/* Prices each file by the schedule in force on its date, per act: out_levels[i] receives the
   COORD_LEVEL_* of files[i], out_cents[i] its amount, *out_total_cents the sum. Output arrays
   hold `count` items; any of the three may be NULL. Only schedules priced per act and without
   caps can be priced one file at a time: a file whose schedule is a package, a capitation or
   has caps is refused with COORD_ERR_RULES, the message naming the schedule; price such
   records with coord_tariff_price_records, which applies every payment mode and cap as the
   Swift TariffBatch API and `coordkit tariff` do.
   History: before the third edition of 0.1.0 such files were priced per act (3 records of one
   file in one month under a monthly package cost 3 packages here and 1 in TariffBatch): a bug,
   fixed by refusing them.
   On error nothing is written past the failing file's index (outputs before it are written,
   *out_total_cents is not), and the message names that index: COORD_ERR_INVALID (invalid
   facts, see coord_classify), COORD_ERR_RULES (no schedule in force on a file's date, or a
   schedule not priced per act), COORD_ERR_OVERFLOW (the total does not fit). count == 0 is
   valid (total 0); files may be NULL only then. Cost: O(count), no allocation. */
coord_status coord_tariff_price(const coord_tariff *tariff,
                                const coord_file_facts *files, size_t count,
                                int32_t *out_levels,
                                int64_t *out_cents,
                                int64_t *out_total_cents);

/* The kind of act a record is, for the caps. */
#define COORD_ACT_INCLUSION  0   /* the inclusion of a patient by a coordinator */
#define COORD_ACT_FOLLOW_UP  1   /* a follow-up act on an open file */

/* One record of a batch: the facts and who it is for. Identifiers are the caller's own 64-bit
   keys (database ids, or a hash of a FINESS / RPPS / INS the caller keeps); the library only
   compares them. */
typedef struct coord_tariff_record {
    coord_file_facts facts;
    uint64_t record_id;       /* unique in the batch; orders records of the same date */
    uint64_t file_id;         /* the coordination file: follow-up caps and packages count per file */
    uint64_t patient_id;      /* inclusion caps count per patient and coordinator; capitation per patient */
    uint64_t coordinator_id;  /* the coordinator paid; bonuses are per coordinator */
    uint64_t structure_id;    /* the coordinator's structure (0: none) */
    int32_t kind;             /* COORD_ACT_INCLUSION or COORD_ACT_FOLLOW_UP */
    int32_t reserved;         /* must be 0 */
} coord_tariff_record;

/* What happened to one record. */
#define COORD_RECORD_PRICED          0   /* paid at its level's amount */
#define COORD_RECORD_PERIOD_PAID     1   /* 0: its package or capitation period is paid by another record */
#define COORD_RECORD_INCLUSION_CAP   2   /* 0: over the inclusions per patient and coordinator per year */
#define COORD_RECORD_FOLLOW_UP_CAP   3   /* 0: over the follow-up acts per file per year */
#define COORD_RECORD_REJECTED        4   /* 0: no schedule in force on its date */

typedef struct coord_record_result {
    int32_t level;     /* COORD_LEVEL_* of the record (the price may be a mapped level's) */
    int32_t outcome;   /* COORD_RECORD_* */
    int64_t cents;     /* the amount paid for the record */
} coord_record_result;

/* Prices a batch of records with everything a payer applies, exactly as the Swift TariffBatch
   API and `coordkit tariff`: the schedule in force on each date, the payment mode (per act,
   package per file and month or year, capitation per patient and month: the record with the
   highest level of each period is paid, ties to the earliest), the caps against act inflation
   and the performance bonus of the coordinators listed in `bonus_coordinators` (NULL when
   bonus_count is 0). Records are processed in the order (date, record_id, position), so the
   amounts do not depend on the order of the array. out_results[i] receives records[i]'s
   level, outcome and amount (out_results may be NULL); *out_total_cents the total paid,
   records and bonuses. A record with no schedule in force is COORD_RECORD_REJECTED, not an
   error. Errors: COORD_ERR_INVALID (NULL arguments, invalid facts, an unknown kind, a non-zero
   reserved field, a record_id used twice, count above 100000000: the message names the
   index), COORD_ERR_OVERFLOW (a total does not fit). Outputs are only written on success.
   Cost: O(n log m) for n records and m records a day, memory proportional to n, no
   allocation per record; with no cap and every schedule per act nothing is sorted. Measured
   on 10^6 records (Benchmarks/README.md): about 0.15 s per act, 0.4 s with caps and a monthly
   package. */
coord_status coord_tariff_price_records(const coord_tariff *tariff,
                                        const coord_tariff_record *records, size_t count,
                                        const uint64_t *bonus_coordinators, size_t bonus_count,
                                        coord_record_result *out_results,
                                        int64_t *out_total_cents);

/* ---- national cost model (IGAS report, Table 2) ------------------------------------------ */

/* population x share x unit cost, exact, rounded to the nearest cent (halves up) when the
   share does not divide the population:
   12,000,000 x 1000 bp x 20,000 cents = 24,000,000,000 cents.
   Errors: COORD_ERR_INVALID for a negative population, a share outside 0..10000 basis points
   or a negative unit cost; COORD_ERR_OVERFLOW when the result does not fit in int64_t. */
coord_status coord_national_cost(int64_t population, int32_t share_basis_points,
                                 int64_t unit_cost_cents, int64_t *out_cents);

/* ---- IFAQ: quality funding of hospitals (décret 2021-1613) ------------------------------ */

/* A campaign rule set: fields, comparison groups, indicators, envelope, scoring, minimum
   thresholds, penalty and payment. Immutable; safe to share between threads. */
typedef struct coord_ifaq coord_ifaq;

/* The built-in rule set of `campaign_year`: 2019, 2021 (transitional), 2022 or 2023. Their
   sources say which figures are official and which are illustrative parameters (docs/IFAQ.md).
   Errors: COORD_ERR_NOT_FOUND for another year (the message lists the known ones),
   COORD_ERR_INVALID for a NULL out. */
coord_status coord_ifaq_new_builtin(int32_t campaign_year, coord_ifaq **out);

/* A rule set from JSON (format "coordinationkit.ifaq/2", docs/IFAQ.md), UTF-8 of `length`
   bytes. A "coordinationkit.ifaq/1" document gives COORD_ERR_PARSE with what changed (the
   value unit is now calibrated so that each group's envelope is paid in full; resultsYear;
   dated minimumThresholds; a null penalty). Errors: COORD_ERR_PARSE (the message names the
   field path), COORD_ERR_RULES
   (weights not summing to 10000, unknown field of a group, a threshold outside its range...),
   COORD_ERR_INVALID. *out is only written on success. */
coord_status coord_ifaq_new_json(const char *rules_json, size_t length, coord_ifaq **out);

/* Releases a rule set. NULL is a no-op. */
void coord_ifaq_free(coord_ifaq *rules);

/* Runs a campaign. Input (UTF-8 JSON, docs/IFAQ.md): hospitals (id, field, group, baseCents,
   army, dotationNotified, and for 2021 the required dotation2019Cents, previousBaseCents),
   results (hospital, indicator, year, status collected / not-collected / invalidated /
   not-concerned, value read from its decimal text to 0.001 half up, definitionVersion),
   waivers, penaltyDecisions and dotationNotified. Output (*out_json, NUL-terminated,
   *out_length bytes without the NUL; free with coord_free): per group the envelope, the value
   unit calibrated so that the envelope is paid in full, thresholds and paid counts; per
   hospital the indicator scores, weight, the dotation in cents, its instalments with dates, the
   minimum-threshold and penalty status (incurred / retained / waived) with its deadlines, and
   the explanation of each step; the army health service's dotation; unspentReasons and
   warnings, and partialInput (true when the input is obviously not a national campaign: empty
   groups, groups of fewer than 10 hospitals, a hospital paid more than its base; the amounts
   are then a simulation, not dotations). Amounts reconcile: distributedCents + unspentCents ==
   envelopeCents.
   History: since 0.1.0 of this header's second edition, each group's envelope is paid in full
   (a fix: the earlier value unit, envelope / base, left about 40 % unspent); fields were
   added, none changed in meaning. Errors: COORD_ERR_PARSE, COORD_ERR_INVALID
   (unknown group or indicator, duplicated row, a value outside its range, a base <= 0: the
   message names the item), COORD_ERR_OVERFLOW. Outputs are only written on success.
   Cost: O(R + H x I x log H) for R result rows, H hospitals, I indicators; measured: about
   0.65 s for 5,000 hospitals x 20 indicators x 3 years (8.5 MB in, 25.6 MB out, explanations
   included), most of it reading and writing JSON: coord_ifaq_compute is the fast path. */
coord_status coord_ifaq_compute_json(const coord_ifaq *rules,
                                     const char *input_json, size_t input_length,
                                     char **out_json, size_t *out_length);

/* Flags of coord_ifaq_compute_json_flags; any other bit is refused (COORD_ERR_INVALID). */
#define COORD_IFAQ_NO_EXPLANATIONS 0x1u  /* leave each hospital's "explanation" empty */

/* coord_ifaq_compute_json with flags (0: the same result). COORD_IFAQ_NO_EXPLANATIONS writes
   no hospital's reasoning (about 2.6 KB each, half of the output and three quarters of the time): the amounts,
   scores, instalments and penalties are the same to the cent; a caller who needs one
   hospital's reasoning computes it from the structs (coord_ifaq_compute and
   coord_ifaq_result_explanation). Errors: those of coord_ifaq_compute_json, and
   COORD_ERR_INVALID for an unknown flag. Since 0.2.0.
   Cost: measured 74 ms for the campaign of coord_ifaq_compute_json (8.5 MB in, 12.5 MB out)
   with COORD_IFAQ_NO_EXPLANATIONS, against 292 ms with the explanations (25.7 MB out). */
coord_status coord_ifaq_compute_json_flags(const coord_ifaq *rules,
                                           const char *input_json, size_t input_length,
                                           uint32_t flags, char **out_json, size_t *out_length);

/* Computes the hospitals of input_json (one, a region, a federation) with a national campaign's
   published parameters (parameters_json, format coordinationkit.ifaq-parameters/1, as
   coord_ifaq_export_parameters_json writes them): each hospital gets its national amount to the
   cent. *out_json is the result, the format of coord_ifaq_compute_json, with envelopeCents the
   amount the hospitals given receive and parametersSource saying where the figures come from.
   Errors: COORD_ERR_PARSE (either document; the message names the path), COORD_ERR_INVALID
   (parameters of another campaign or rule set, a group missing from them, figures that do not
   fit a hospital: the message says which; the 2021 transitional campaign and envelopes per
   indicator are refused), COORD_ERR_OVERFLOW. Outputs are only written on success.
   Cost: O(R + H x I) for R result rows of H hospitals and I indicators: no sort (not yet in the
   benchmark suite). */
coord_status coord_ifaq_compute_with_parameters_json(const coord_ifaq *rules,
                                                     const char *input_json, size_t input_length,
                                                     const char *parameters_json, size_t parameters_length,
                                                     char **out_json, size_t *out_length);

/* Computes a national campaign (input_json) and writes its published parameters: per group the
   envelope, the sum of the weights and their scale, the cut of the leftover cents, each
   indicator's thresholds (coordinationkit.ifaq-parameters/1). Errors: those of
   coord_ifaq_compute_json; COORD_ERR_INVALID for a campaign whose parameters are not defined
   (2021 transitional, envelopes per indicator) or an input that is obviously not national
   (partialInput). Cost: one campaign computation. */
coord_status coord_ifaq_export_parameters_json(const coord_ifaq *rules,
                                               const char *input_json, size_t input_length,
                                               char **out_json, size_t *out_length);

/* Policy what-if: runs each scenario of scenarios_json (one coordinationkit.ifaq-scenario/1
   document or an array of them: envelope, field shares, scoring weights and rules, minimum
   thresholds, some hospitals' values) against the campaign of input_json, side by side on
   every core. *out_json is an array, one object per scenario: scenario, hospitals [{hospital,
   group, beforeCents, afterCents, differenceCents}], groups [{group, beforeCents, afterCents,
   differenceCents}], envelope/distributed/unspent Before/After Cents (each side reconciles:
   distributed + unspent == envelope), winners, losers, unchanged.
   Errors: COORD_ERR_PARSE, COORD_ERR_INVALID (the message names the scenario and what is wrong:
   an unknown field or indicator, shares not adding up to 10000, weights not adding up...),
   COORD_ERR_OVERFLOW. Cost: one campaign computation per scenario plus one, spread over the
   cores. */
coord_status coord_ifaq_what_if_json(const coord_ifaq *rules,
                                     const char *input_json, size_t input_length,
                                     const char *scenarios_json, size_t scenarios_length,
                                     char **out_json, size_t *out_length);

/* ---- IFAQ without JSON: plain structs in, a result handle out ---------------------------- */

/* Text given to the library: UTF-8 of `length` bytes, need not be NUL-terminated. */
typedef struct coord_text {
    const char *data;
    size_t length;
} coord_text;

/* The status of a result row (and of an indicator in a result). */
#define COORD_IFAQ_COLLECTED       0
#define COORD_IFAQ_NOT_COLLECTED   1
#define COORD_IFAQ_INVALIDATED     2   /* at the on-site control (R162-36) */
#define COORD_IFAQ_NOT_CONCERNED   3   /* no obligation to collect it */
#define COORD_IFAQ_MISSING         4   /* results only: no row in the input */

/* An optional amount left out. */
#define COORD_IFAQ_NOT_GIVEN  INT64_MIN

typedef struct coord_ifaq_hospital {
    coord_text id;                   /* FINESS number or any unique identifier */
    coord_text field;                /* "MCO", "SMR", "PSY": one of the rule set's fields */
    coord_text group;                /* its comparison group */
    int64_t base_cents;              /* activity or receipts of the previous year, > 0 */
    int64_t dotation_2019_cents;     /* COORD_IFAQ_NOT_GIVEN unless the 2021 formula needs it */
    int64_t previous_base_cents;     /* idem */
    int32_t army;                    /* 1 for a hospital of the service de santé des armées, else 0 */
    int32_t dotation_notified;       /* YYYYMMDD the dotation was notified, or 0 */
} coord_ifaq_hospital;

typedef struct coord_ifaq_row {
    coord_text hospital;             /* a hospital's id */
    coord_text indicator;            /* an indicator's id in the rule set */
    int32_t year;                    /* the year the result was collected for */
    int32_t status;                  /* COORD_IFAQ_COLLECTED ... COORD_IFAQ_NOT_CONCERNED */
    int64_t value_thousandths;       /* the value x 1000 when collected (73.5 -> 73500), else ignored */
    int32_t definition_version;      /* the indicator definition's version, or 0 when not given */
    int32_t reserved;                /* must be 0 */
} coord_ifaq_row;

typedef struct coord_ifaq_penalty_decision {
    coord_text hospital;
    int64_t retained_cents;          /* 0 up to the penalty incurred (R162-36-3 II) */
} coord_ifaq_penalty_decision;

typedef struct coord_ifaq_input {
    const coord_ifaq_hospital *hospitals; size_t hospital_count;
    const coord_ifaq_row *results; size_t result_count;
    const coord_text *waivers; size_t waiver_count;        /* hospitals whose penalty the ARS waived */
    const coord_ifaq_penalty_decision *decisions; size_t decision_count;
    int32_t dotation_notified;       /* YYYYMMDD the dotations were notified, or 0 */
    int32_t explanations;            /* 1: write every hospital's explanation now; 0: on demand */
} coord_ifaq_input;

/* A computed campaign: immutable, safe to share between threads; free with
   coord_ifaq_result_free. The strings it returns belong to it and live as long as it does. */
typedef struct coord_ifaq_result coord_ifaq_result;

/* Runs a campaign on plain structs: the same computation as coord_ifaq_compute_json, without
   JSON. Arrays may be NULL only with a count of 0. Errors: COORD_ERR_INVALID (a NULL argument,
   invalid UTF-8, an unknown status, a non-zero reserved field, and every input check of
   coord_ifaq_compute_json: the message names input->hospitals[i] or input->results[i]),
   COORD_ERR_OVERFLOW, COORD_ERR_NOMEM. *out is only written on success.
   Cost: O(R + H x I x log H), explanations only when asked; measured: about 67 ms for 5,000
   hospitals x 20 indicators x 3 years (300,000 rows), the Swift computation taking 63 ms. */
coord_status coord_ifaq_compute(const coord_ifaq *rules, const coord_ifaq_input *input,
                                coord_ifaq_result **out);

/* Releases a result. NULL is a no-op. */
void coord_ifaq_result_free(coord_ifaq_result *result);

typedef struct coord_ifaq_totals {
    int64_t envelope_cents;
    int64_t distributed_cents;       /* distributed + unspent == envelope */
    int64_t unspent_cents;
    size_t group_count;
    size_t hospital_count;
} coord_ifaq_totals;

/* The campaign's totals. Errors: COORD_ERR_INVALID for NULL arguments. */
coord_status coord_ifaq_result_totals(const coord_ifaq_result *result, coord_ifaq_totals *out);

typedef struct coord_ifaq_group_result {
    const char *id;                  /* NUL-terminated, owned by the result */
    int64_t envelope_cents;
    int64_t base_cents;
    int64_t earned_cents;
    int64_t unspent_cents;
    int64_t leftover_cents;          /* cents handed out by largest remainder */
    double value_unit;               /* the group's VU, for display; NaN when nobody scored */
    size_t hospital_count;
} coord_ifaq_group_result;

/* Group `index` (0 ... group_count - 1, rule-set order). Errors: COORD_ERR_INVALID for NULL
   arguments or an index out of range. Cost: O(1). */
coord_status coord_ifaq_result_group(const coord_ifaq_result *result, size_t index,
                                     coord_ifaq_group_result *out);

/* Where a hospital stands on the penalty path. */
#define COORD_IFAQ_PENALTY_NONE      0
#define COORD_IFAQ_PENALTY_INCURRED  1
#define COORD_IFAQ_PENALTY_RETAINED  2
#define COORD_IFAQ_PENALTY_WAIVED    3

typedef struct coord_ifaq_hospital_result {
    const char *id;                  /* owned by the result */
    const char *group;               /* owned by the result */
    int64_t base_cents;
    int64_t earned_cents;            /* the amount on results */
    int64_t dotation_cents;          /* the dotation (with the 2021 parts) */
    int64_t penalty_incurred_cents;
    int64_t penalty_retained_cents;
    int32_t score_basis_points;
    int32_t required_indicators;
    int32_t penalty;                 /* COORD_IFAQ_PENALTY_* */
    int32_t army;
    size_t indicator_count;
    size_t instalment_count;
} coord_ifaq_hospital_result;

/* Hospital `index` (input order). Errors: COORD_ERR_INVALID for NULL arguments or an index
   out of range. Cost: O(1). */
coord_status coord_ifaq_result_hospital(const coord_ifaq_result *result, size_t index,
                                        coord_ifaq_hospital_result *out);

typedef struct coord_ifaq_indicator_result {
    const char *indicator;           /* owned by the result */
    int32_t status;                  /* COORD_IFAQ_COLLECTED ... COORD_IFAQ_MISSING */
    int32_t required;                /* counts in the hospital's divisor */
    int32_t level_paid;
    int32_t change_paid;
    int32_t score_basis_points;
    int32_t rank;                    /* among the group's results this year, 1 = best; 0 when none */
    int32_t below_minimum;
    int32_t consecutive_years_below;
    double value;                    /* NaN when not collected */
    double previous_value;           /* NaN when none */
    double change;                   /* oriented so that positive is better; NaN when none */
} coord_ifaq_indicator_result;

/* Indicator `index` of hospital `hospital`. Errors: COORD_ERR_INVALID for NULL arguments or an
   index out of range. Cost: O(1). */
coord_status coord_ifaq_result_indicator(const coord_ifaq_result *result, size_t hospital, size_t index,
                                         coord_ifaq_indicator_result *out);

/* Instalment `index` of hospital `hospital`: its date (YYYYMMDD) and amount; a hospital's
   instalments add up to its dotation. Errors: COORD_ERR_INVALID for NULL arguments or an index
   out of range. Cost: O(1). */
coord_status coord_ifaq_result_instalment(const coord_ifaq_result *result, size_t hospital, size_t index,
                                          int32_t *out_date, int64_t *out_cents);

/* Hospital `hospital`'s reasoning, one line per step separated by '\n', NUL-terminated, to
   free with coord_free; computed now when the input asked for none. Errors: COORD_ERR_INVALID
   (NULL arguments, an index out of range), COORD_ERR_NOMEM. Cost: O(indicators). */
coord_status coord_ifaq_result_explanation(const coord_ifaq_result *result, size_t hospital,
                                           char **out_text, size_t *out_length);

/* The whole result as the JSON of coord_ifaq_compute_json (explanations empty when the input
   asked for none). Free with coord_free. Errors: COORD_ERR_INVALID, COORD_ERR_NOMEM.
   Cost: O(size of the result). */
coord_status coord_ifaq_result_json(const coord_ifaq_result *result, char **out_json, size_t *out_length);

/* ---- the other engines, JSON in and out --------------------------------------------------- */
/* Same conventions as coord_ifaq_compute_json: documents are UTF-8 JSON of the given length
   (need not be NUL-terminated) and read strictly; the result is a NUL-terminated JSON document
   in *out_json, *out_length bytes without the NUL, to free with coord_free; outputs are only
   written on success. The formats are those of the Swift API (docs/FUNDS.md, docs/CARE.md). */

/* An MSP's year under the ACI (format of docs/examples/aci-msp-2023.json) with a rule set
   (format "coordinationkit.aci/2"), or with the built-in rule set for the year when rules_json
   is NULL and rules_length 0. Output: every indicator with its points, amount and the sentence
   that computes it, totals per axis, the deprivation supplement, the advance and the balance
   (`...Cents` integers). Errors: COORD_ERR_PARSE, COORD_ERR_INVALID (a figure out of range: the
   message names it), COORD_ERR_NOT_FOUND (no built-in for a year before 2017), COORD_ERR_NOMEM.
   Cost: O(indicators); measured about 0.2 ms for one MSP under the 2022 rules. */
coord_status coord_aci_remuneration_json(const char *rules_json, size_t rules_length,
                                         const char *year_json, size_t year_length,
                                         char **out_json, size_t *out_length);

/* A FIQCS fund year {"year", "dotation" (cents), "schemeShares": {"general", "agricultural",
   "selfEmployed"}, "experimentsBasisPoints", "nationalBasisPoints", "regionalBasisPoints"}.
   Output: {"contributions": {scheme: cents}, "envelopes": {"experiments", "national",
   "regional", "unallocated"}}, each split reconciled to the cent. Errors: COORD_ERR_PARSE,
   COORD_ERR_INVALID (shares not summing as they must), COORD_ERR_NOMEM. Cost: O(1);
   measured about 12 us. */
coord_status coord_fiqcs_fund_year_json(const char *fund_json, size_t fund_length,
                                        char **out_json, size_t *out_length);

/* The split of `regional_cents` among the regions by weighted criteria {"criteria": [{"name",
   "shareBasisPoints", "values": {region: count}}]}. Output: {"regions": {region: cents}},
   adding up exactly to regional_cents. Errors: COORD_ERR_PARSE, COORD_ERR_INVALID (shares not
   summing to 10000, a negative value, regional_cents < 0), COORD_ERR_NOMEM.
   Cost: O(criteria x regions log regions); measured about 20 us for 3 regions, 2 criteria. */
coord_status coord_fiqcs_regional_split_json(const char *split_json, size_t split_length,
                                             int64_t regional_cents,
                                             char **out_json, size_t *out_length);

/* The coordination quality indicators of a set of cases given as JSON Lines (one case document
   "coordinationkit.case/2" per line, blank lines skipped), overall and by coordinator,
   structure and territory, against the 2013 baselines. Errors: COORD_ERR_PARSE naming the line
   and the path of a bad case (the first bad line), COORD_ERR_NOMEM. Cost: O(size of the cases);
   a text above 1 MB is read in pieces on every core (one thread per core for the duration of
   the call, all joined before it returns); measured about 2.4 ms for 1,000 cases (0.5 MB),
   0.75 s for 10^5 cases (228 MB) through coordkit. */
coord_status coord_quality_report_jsonl(const char *cases_jsonl, size_t length,
                                        char **out_json, size_t *out_length);

/* Records one event on a care case: event_json is {"date": "YYYY-MM-DD", "author": RPPS or
   "local:...", "action": {...}} (the actions of docs/CARE.md); the output is the case document
   with the event appended. The case's rules apply exactly as in Swift: an action the author's
   role or the case's state does not allow is COORD_ERR_STATE, a bad value COORD_ERR_INVALID,
   a bad document COORD_ERR_PARSE, each message saying why. Cost: O(size of the case);
   measured about 60 us for a case of two events. */
coord_status coord_case_record_json(const char *case_json, size_t case_length,
                                    const char *event_json, size_t event_length,
                                    char **out_json, size_t *out_length);

/* The PPS of a case as the professional `reader` (RPPS or "local:...", UTF-8 of reader_length
   bytes) may see it: the visible parts in full, the hidden ones listed with the reason.
   Errors: COORD_ERR_STATE (not in the care team, no PPS yet), COORD_ERR_INVALID (a reader that
   is not a professional identifier), COORD_ERR_PARSE, COORD_ERR_NOMEM.
   Cost: O(size of the case). */
coord_status coord_case_plan_view_json(const char *case_json, size_t case_length,
                                       const char *reader, size_t reader_length,
                                       char **out_json, size_t *out_length);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* COORDINATION_H */
