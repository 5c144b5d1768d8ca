"""CoordinationKit from Python, through the C library (include/coordination.h).

Every function of the header is declared with its argument and result types, so that Python
passes 64-bit amounts as 64-bit integers (without `argtypes`, ctypes would pass a Python int as
a C int and silently corrupt amounts in cents). Errors raise `CoordinationError` with the
library's status code and message; documents the library returns are freed.

    import coordination
    lib = coordination.Library("dist/lib/libcoordination.so.0")
    parts = lib.split_instalments(10_000_000_000, 12)      # 100 M EUR in cents: adds up exactly
    lib.add_working_days(20240329, 1)                     # 20240402 (Easter Monday skipped)

Written for the standard library only (ctypes, json).
"""
import ctypes
import ctypes.util
import json
import os

__all__ = ["Library", "CoordinationError", "Text"]


class CoordinationError(Exception):
    """A failed call: `status` is the COORD_ERR_* code, `message` the library's explanation."""

    def __init__(self, status, message):
        super().__init__(f"{message} (status {status})")
        self.status = status
        self.message = message


class Text(ctypes.Structure):
    _fields_ = [("data", ctypes.c_char_p), ("length", ctypes.c_size_t)]


class FileFacts(ctypes.Structure):
    _fields_ = [("date", ctypes.c_int32), ("providers_contacted", ctypes.c_int32), ("formal_evaluation", ctypes.c_uint8),
                ("financing_file", ctypes.c_uint8), ("external_expertise", ctypes.c_uint8), ("reserved", ctypes.c_uint8)]


class TariffRecord(ctypes.Structure):
    _fields_ = [("facts", FileFacts), ("record_id", ctypes.c_uint64), ("file_id", ctypes.c_uint64),
                ("patient_id", ctypes.c_uint64), ("coordinator_id", ctypes.c_uint64), ("structure_id", ctypes.c_uint64),
                ("kind", ctypes.c_int32), ("reserved", ctypes.c_int32)]


class RecordResult(ctypes.Structure):
    _fields_ = [("level", ctypes.c_int32), ("outcome", ctypes.c_int32), ("cents", ctypes.c_int64)]


_S = ctypes.c_int32            # coord_status
_P = ctypes.c_void_p           # an opaque handle
_CHARS = ctypes.c_char_p
_OUT_TEXT = ctypes.POINTER(ctypes.c_void_p)
_SIZE = ctypes.c_size_t

# name: (result type, argument types), exactly as declared in include/coordination.h.
_SIGNATURES = {
    "coord_version_number": (ctypes.c_int32, []),
    "coord_version_string": (ctypes.c_char_p, []),
    "coord_status_string": (ctypes.c_char_p, [_S]),
    "coord_last_error_message": (ctypes.c_char_p, []),
    "coord_free": (None, [ctypes.c_void_p]),
    "coord_add_working_days": (_S, [ctypes.c_int32, ctypes.c_int32, ctypes.c_int32, ctypes.POINTER(ctypes.c_int32)]),
    "coord_holidays": (_S, [ctypes.c_int32, ctypes.c_int32, ctypes.POINTER(ctypes.c_int32), _SIZE, ctypes.POINTER(_SIZE)]),
    "coord_is_working_day": (_S, [ctypes.c_int32, ctypes.c_int32, ctypes.POINTER(ctypes.c_int32)]),
    "coord_split_instalments": (_S, [ctypes.c_int64, ctypes.c_int32, ctypes.POINTER(ctypes.c_int64)]),
    "coord_classify": (_S, [ctypes.POINTER(FileFacts), ctypes.POINTER(ctypes.c_int32)]),
    "coord_tariff_new_default": (_S, [ctypes.POINTER(_P)]),
    "coord_tariff_new_json": (_S, [_CHARS, _SIZE, ctypes.POINTER(_P)]),
    "coord_tariff_free": (None, [_P]),
    "coord_tariff_price": (_S, [_P, ctypes.POINTER(FileFacts), _SIZE, ctypes.POINTER(ctypes.c_int32),
                               ctypes.POINTER(ctypes.c_int64), ctypes.POINTER(ctypes.c_int64)]),
    "coord_tariff_price_records": (_S, [_P, ctypes.POINTER(TariffRecord), _SIZE, ctypes.POINTER(ctypes.c_uint64), _SIZE,
                                       ctypes.POINTER(RecordResult), ctypes.POINTER(ctypes.c_int64)]),
    "coord_national_cost": (_S, [ctypes.c_int64, ctypes.c_int32, ctypes.c_int64, ctypes.POINTER(ctypes.c_int64)]),
    "coord_ifaq_new_builtin": (_S, [ctypes.c_int32, ctypes.POINTER(_P)]),
    "coord_ifaq_new_json": (_S, [_CHARS, _SIZE, ctypes.POINTER(_P)]),
    "coord_ifaq_free": (None, [_P]),
    "coord_ifaq_compute_json": (_S, [_P, _CHARS, _SIZE, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
    "coord_ifaq_compute_json_flags": (_S, [_P, _CHARS, _SIZE, ctypes.c_uint32, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
    "coord_ifaq_compute_with_parameters_json": (_S, [_P, _CHARS, _SIZE, _CHARS, _SIZE, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
    "coord_ifaq_export_parameters_json": (_S, [_P, _CHARS, _SIZE, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
    "coord_ifaq_what_if_json": (_S, [_P, _CHARS, _SIZE, _CHARS, _SIZE, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
    "coord_aci_remuneration_json": (_S, [_CHARS, _SIZE, _CHARS, _SIZE, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
    "coord_fiqcs_fund_year_json": (_S, [_CHARS, _SIZE, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
    "coord_fiqcs_regional_split_json": (_S, [_CHARS, _SIZE, ctypes.c_int64, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
    "coord_quality_report_jsonl": (_S, [_CHARS, _SIZE, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
    "coord_case_record_json": (_S, [_CHARS, _SIZE, _CHARS, _SIZE, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
    "coord_case_plan_view_json": (_S, [_CHARS, _SIZE, _CHARS, _SIZE, _OUT_TEXT, ctypes.POINTER(_SIZE)]),
}


def _utf8(value):
    return value if isinstance(value, bytes) else (value if isinstance(value, str) else json.dumps(value)).encode("utf-8")


class Library:
    """The C library: `path` to libcoordination.so.0, or $COORDINATION_LIBRARY, or the system's."""

    def __init__(self, path=None):
        path = path or os.environ.get("COORDINATION_LIBRARY") or ctypes.util.find_library("coordination")
        if not path:
            raise OSError("libcoordination not found: pass its path or set COORDINATION_LIBRARY")
        self._lib = ctypes.CDLL(path)
        for name, (result, arguments) in _SIGNATURES.items():
            function = getattr(self._lib, name)
            function.restype = result
            function.argtypes = arguments

    # -- plumbing ------------------------------------------------------------------------------
    def _check(self, status):
        if status != 0:
            raise CoordinationError(status, self._lib.coord_last_error_message().decode("utf-8"))

    def _document(self, call, *arguments):
        out = ctypes.c_void_p()
        length = ctypes.c_size_t()
        self._check(call(*arguments, ctypes.byref(out), ctypes.byref(length)))
        try:
            return json.loads(ctypes.string_at(out, length.value).decode("utf-8"))
        finally:
            self._lib.coord_free(out)

    # -- calendar and money ------------------------------------------------------------------
    def version(self):
        return self._lib.coord_version_string().decode("ascii")

    def add_working_days(self, date, working_days, calendar=0):
        out = ctypes.c_int32()
        self._check(self._lib.coord_add_working_days(date, working_days, calendar, ctypes.byref(out)))
        return out.value

    def holidays(self, year, calendar=0):
        count = ctypes.c_size_t()
        self._check(self._lib.coord_holidays(year, calendar, None, 0, ctypes.byref(count)))
        dates = (ctypes.c_int32 * count.value)()
        self._check(self._lib.coord_holidays(year, calendar, dates, count.value, ctypes.byref(count)))
        return list(dates)

    def is_working_day(self, date, calendar=0):
        out = ctypes.c_int32()
        self._check(self._lib.coord_is_working_day(date, calendar, ctypes.byref(out)))
        return out.value == 1

    def split_instalments(self, amount_cents, count):
        parts = (ctypes.c_int64 * max(count, 0))()
        self._check(self._lib.coord_split_instalments(amount_cents, count, parts))
        return list(parts)

    def national_cost(self, population, share_basis_points, unit_cost_cents):
        out = ctypes.c_int64()
        self._check(self._lib.coord_national_cost(population, share_basis_points, unit_cost_cents, ctypes.byref(out)))
        return out.value

    # -- tariff ------------------------------------------------------------------------------
    def tariff(self, rules_json=None):
        """A tariff: the built-in default, or a JSON rule set (text, bytes or a dict)."""
        return Tariff(self, rules_json)

    # -- IFAQ and the other engines (JSON in, a dict out) --------------------------------------
    def _ifaq_rules(self, campaign, rules_json):
        handle = ctypes.c_void_p()
        if rules_json is None:
            self._check(self._lib.coord_ifaq_new_builtin(campaign, ctypes.byref(handle)))
        else:
            data = _utf8(rules_json)
            self._check(self._lib.coord_ifaq_new_json(data, len(data), ctypes.byref(handle)))
        return handle

    def ifaq_export_parameters(self, input_json, campaign=2023, rules_json=None):
        """A national campaign's published parameters (coordinationkit.ifaq-parameters/1), as a dict."""
        handle = self._ifaq_rules(campaign, rules_json)
        try:
            data = _utf8(input_json)
            return self._document(self._lib.coord_ifaq_export_parameters_json, handle, data, len(data))
        finally:
            self._lib.coord_ifaq_free(handle)

    def ifaq_compute_with_parameters(self, input_json, parameters_json, campaign=2023, rules_json=None):
        """The hospitals of input_json computed with published parameters: their national amounts."""
        handle = self._ifaq_rules(campaign, rules_json)
        try:
            data, parameters = _utf8(input_json), _utf8(parameters_json)
            return self._document(self._lib.coord_ifaq_compute_with_parameters_json, handle, data, len(data),
                                  parameters, len(parameters))
        finally:
            self._lib.coord_ifaq_free(handle)

    def ifaq_what_if(self, input_json, scenarios_json, campaign=2023, rules_json=None):
        """Policy scenarios against a national campaign: one dict per scenario, before and after."""
        handle = self._ifaq_rules(campaign, rules_json)
        try:
            data, scenarios = _utf8(input_json), _utf8(scenarios_json)
            return self._document(self._lib.coord_ifaq_what_if_json, handle, data, len(data), scenarios, len(scenarios))
        finally:
            self._lib.coord_ifaq_free(handle)

    def ifaq_compute(self, input_json, campaign=2023, rules_json=None, explanations=True):
        handle = ctypes.c_void_p()
        if rules_json is None:
            self._check(self._lib.coord_ifaq_new_builtin(campaign, ctypes.byref(handle)))
        else:
            data = _utf8(rules_json)
            self._check(self._lib.coord_ifaq_new_json(data, len(data), ctypes.byref(handle)))
        try:
            data = _utf8(input_json)
            if explanations:
                return self._document(self._lib.coord_ifaq_compute_json, handle, data, len(data))
            return self._document(self._lib.coord_ifaq_compute_json_flags, handle, data, len(data), 1)
        finally:
            self._lib.coord_ifaq_free(handle)

    def aci_remuneration(self, year_json, rules_json=None):
        year = _utf8(year_json)
        rules = None if rules_json is None else _utf8(rules_json)
        return self._document(self._lib.coord_aci_remuneration_json, rules, 0 if rules is None else len(rules), year, len(year))

    def fiqcs_fund_year(self, fund_json):
        data = _utf8(fund_json)
        return self._document(self._lib.coord_fiqcs_fund_year_json, data, len(data))

    def fiqcs_regional_split(self, split_json, regional_cents):
        data = _utf8(split_json)
        return self._document(self._lib.coord_fiqcs_regional_split_json, data, len(data), regional_cents)

    def quality_report(self, cases_jsonl):
        data = _utf8(cases_jsonl)
        return self._document(self._lib.coord_quality_report_jsonl, data, len(data))

    def case_record(self, case_json, event_json):
        case, event = _utf8(case_json), _utf8(event_json)
        return self._document(self._lib.coord_case_record_json, case, len(case), event, len(event))

    def case_plan_view(self, case_json, reader):
        case, who = _utf8(case_json), _utf8(reader)
        return self._document(self._lib.coord_case_plan_view_json, case, len(case), who, len(who))


class Tariff:
    """A coord_tariff handle, freed with the object (or by `close()`)."""

    def __init__(self, library, rules_json=None):
        self._library = library
        self._lib = library._lib
        self._handle = ctypes.c_void_p()
        if rules_json is None:
            library._check(self._lib.coord_tariff_new_default(ctypes.byref(self._handle)))
        else:
            data = _utf8(rules_json)
            library._check(self._lib.coord_tariff_new_json(data, len(data), ctypes.byref(self._handle)))

    def close(self):
        if self._handle:
            self._lib.coord_tariff_free(self._handle)
            self._handle = ctypes.c_void_p()

    def __del__(self):
        self.close()

    def price(self, files):
        """Per act: `files` are (date, providers, formal, financing, expertise) tuples; returns
        (levels, cents, total)."""
        facts = (FileFacts * len(files))(*[FileFacts(d, p, int(f), int(fi), int(e), 0) for d, p, f, fi, e in files])
        levels = (ctypes.c_int32 * len(files))()
        cents = (ctypes.c_int64 * len(files))()
        total = ctypes.c_int64()
        self._library._check(self._lib.coord_tariff_price(self._handle, facts, len(files), levels, cents, ctypes.byref(total)))
        return list(levels), list(cents), total.value

    def price_records(self, records, bonus_coordinators=()):
        """Every payment mode and cap: `records` are dicts with date, providers, formal, financing,
        expertise, record, file, patient, coordinator, structure (integers) and kind (0 inclusion,
        1 follow-up); returns (results as (level, outcome, cents) tuples, total cents)."""
        array = (TariffRecord * len(records))()
        for index, r in enumerate(records):
            array[index] = TariffRecord(FileFacts(r["date"], r.get("providers", 0), int(r.get("formal", 0)),
                                                  int(r.get("financing", 0)), int(r.get("expertise", 0)), 0),
                                        r["record"], r.get("file", r["record"]), r.get("patient", 0), r.get("coordinator", 0),
                                        r.get("structure", 0), r.get("kind", 0), 0)
        bonus = (ctypes.c_uint64 * len(bonus_coordinators))(*bonus_coordinators)
        results = (RecordResult * len(records))()
        total = ctypes.c_int64()
        self._library._check(self._lib.coord_tariff_price_records(self._handle, array, len(records), bonus,
                                                                  len(bonus_coordinators), results, ctypes.byref(total)))
        return [(r.level, r.outcome, r.cents) for r in results], total.value
