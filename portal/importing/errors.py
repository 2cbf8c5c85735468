"""The errors of an import as the job page lists them: {"row", "column", "message"}, where `row` is the row the
user sees in the spreadsheet (header is 1, blank rows counted), sorted by row, one entry per cause."""

from django.utils.translation import gettext as _


def file_error(message):
    return [{"row": None, "column": "", "message": str(message)}]


def row_errors(resource, result, table):
    errors = [{"row": None, "column": "", "message": str(error.error)} for error in result.base_errors]
    for invalid in result.invalid_rows:
        error = invalid.error
        by_field = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        for attribute, messages in by_field.items():
            column = "" if attribute == "__all__" else resource.column_for(attribute)
            for message in messages:
                errors.append({"row": table.number_of(invalid.number), "column": column, "message": str(message)})
    for row in result.error_rows:
        for error in row.errors:
            errors.append(
                {
                    "row": table.number_of(row.number),
                    "column": "",
                    "message": _("Baris tidak dapat diproses: %(error)s") % {"error": error.error},
                }
            )
    return errors


def duplicate_key_errors(resource, table):
    """Rows whose key (the resource's `key_field` column, or the tuple of its `key_columns`) repeats an earlier
    row's."""
    columns = getattr(resource, "key_columns", ()) or (resource.fields[resource.key_field].column_name,)
    column = ", ".join(columns)
    seen, errors = {}, []
    for number, *values in zip(table.row_numbers, *(table.dataset[name] for name in columns), strict=True):
        parts = [str(value or "").strip() for value in values]
        key = " / ".join(parts) if all(parts) else ""
        if key and key in seen:
            errors.append(
                {
                    "row": number,
                    "column": column,
                    "message": _("'%(key)s' sudah ada di baris %(first)s berkas ini.")
                    % {"key": key, "first": seen[key]},
                }
            )
        seen.setdefault(key, number)
    return errors


def combined(*lists):
    """All errors sorted by row, one entry per cause.

    One message repeated for several columns of a row becomes one entry; an error on a cell already reported by
    an earlier list is a consequence of that cause (a NIP twice in the file is also "already exists" on its second
    row) and is left out.
    """
    merged, earlier = {}, set()
    for errors in lists:
        for error in errors:
            if error["row"] is None or (error["row"], error["column"]) not in earlier:
                _merge(merged, error)
        earlier |= {(error["row"], error["column"]) for error in errors}
    return sorted(merged.values(), key=lambda e: (e["row"] or 0, e["column"]))


def _merge(merged, error):
    key = (error["row"], error["message"])
    if key not in merged:
        merged[key] = dict(error)
        return
    columns = merged[key]["column"].split(", ") if merged[key]["column"] else []
    if error["column"] and error["column"] not in columns:
        merged[key]["column"] = ", ".join([*columns, error["column"]])
