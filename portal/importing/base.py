"""Building blocks for resources that import into one instansi.

`InstansiResource` keeps every row inside the importing user's instansi, resolves codes to objects with one
query per referenced table (not per row), reports errors per column in Indonesian, and lets a row point at
another row of the same file that comes later (a unit's parent, a pegawai's atasan) by resolving those
references after all rows are in.
"""

import datetime
import decimal
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.instance_loaders import CachedInstanceLoader

# what Excel writes for a long number it has turned into a float: 1.98501E+17, 1,98501E+17
SCIENTIFIC = re.compile(r"\d+([.,]\d+)?[eE]\+?\d+")
BATCH_SIZE = 1000  # rows per INSERT/UPDATE statement of a bulk write


def number_typed(value):
    """True when a spreadsheet cell that must be text (a NIP) arrives as a number, or as Excel's rendering of one.

    Excel keeps 15 significant digits, so an 18-digit NIP typed into a number cell has already lost its last digits:
    it is refused, never rounded back or guessed.
    """
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and bool(SCIENTIFIC.fullmatch(value.strip()))


def blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def text(value):
    """A cell as trimmed text; spreadsheets hand integers back for numeric-looking codes."""
    if blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return text(value)


class ChoiceWidget(widgets.Widget):
    """A value out of `choices` (compared case-insensitively), stored as its canonical spelling."""

    def __init__(self, choices, label, required=False, default=""):
        super().__init__()
        self.choices = {str(value).lower(): value for value, _label in choices}
        self.label = label
        self.required = required
        self.default = default

    def clean(self, value, row=None, **kwargs):
        value = text(value)
        if not value:
            if self.required and not self.default:
                raise ValueError(_("%(label)s wajib diisi.") % {"label": self.label})
            return self.default
        try:
            return self.choices[value.lower()]
        except KeyError:
            raise ValueError(
                _("%(label)s '%(value)s' tidak dikenal; pilihan: %(choices)s.")
                % {"label": self.label, "value": value, "choices": ", ".join(map(str, self.choices.values()))}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class IndonesianDateWidget(widgets.Widget):
    FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")

    def clean(self, value, row=None, **kwargs):
        if blank(value):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        for fmt in self.FORMATS:
            try:
                return datetime.datetime.strptime(text(value), fmt).date()
            except ValueError:
                continue
        raise ValueError(
            _("Tanggal '%(value)s' tidak dikenali; tulis sebagai TTTT-BB-HH, misalnya 2020-04-01.") % {"value": value}
        )

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class IntegerWidget(widgets.Widget):
    def __init__(self, label, minimum=None, maximum=None):
        super().__init__()
        self.label = label
        self.minimum = minimum
        self.maximum = maximum

    def clean(self, value, row=None, **kwargs):
        if blank(value):
            return None
        try:
            number = int(text(value))
        except ValueError:
            raise ValueError(_("%(label)s harus berupa angka bulat.") % {"label": self.label}) from None
        if (self.minimum is not None and number < self.minimum) or (self.maximum is not None and number > self.maximum):
            raise ValueError(
                _("%(label)s harus antara %(min)s dan %(max)s.")
                % {"label": self.label, "min": self.minimum, "max": self.maximum}
            )
        return number

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class DecimalWidget(widgets.Widget):
    """A decimal number written with a point or an Indonesian comma (62,5), never negative."""

    def __init__(self, label):
        super().__init__()
        self.label = label

    def clean(self, value, row=None, **kwargs):
        if blank(value):
            return None
        try:
            number = decimal.Decimal(text(value).replace(",", "."))
        except decimal.InvalidOperation:
            raise ValueError(_("%(label)s harus berupa angka, misalnya 62,5.") % {"label": self.label}) from None
        if not number.is_finite() or number < 0:
            raise ValueError(_("%(label)s tidak boleh negatif.") % {"label": self.label})
        return number

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class LookupWidget(widgets.Widget):
    """A code resolved to an object of a queryset the resource provides (already scoped to the instansi).

    All objects are read once, on first use, so a file of 20,000 rows costs one query per referenced table.
    """

    def __init__(self, resource_queryset, key, label, required=False, normalise=str.strip, missing=None):
        super().__init__()
        self.missing = missing  # message for an unknown value, with %(value)s; by default "not in this instansi"
        self.resource_queryset = resource_queryset  # name of a method on the resource returning a queryset
        self.key = key
        self.label = label
        self.required = required
        self.normalise = normalise
        self.cache = None

    def bind(self, resource):
        self.resource = resource
        self.cache = None

    def lookup(self):
        if self.cache is None:
            queryset = getattr(self.resource, self.resource_queryset)()
            self.cache = {self.normalise(str(getattr(obj, self.key))): obj for obj in queryset}
        return self.cache

    def clean(self, value, row=None, **kwargs):
        value = text(value)
        if not value:
            if self.required:
                raise ValueError(_("%(label)s wajib diisi.") % {"label": self.label})
            return None
        found = self.lookup().get(self.normalise(value))
        if found is None:
            message = self.missing or _("%(label)s '%(value)s' tidak ditemukan di instansi ini.")
            raise ValueError(message % {"label": self.label, "value": value})
        return found

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(getattr(value, self.key))


class SelfReference:
    """A column naming another row of the same model (a unit's parent, a pegawai's atasan) by its key.

    The target may already exist in the instansi or appear anywhere in the same file; references to rows of
    the file are set once every row has been saved.
    """

    def __init__(self, attribute, column, label, cycle_message):
        self.attribute = attribute
        self.column = column
        self.label = label
        self.cycle_message = cycle_message  # the model's own message for a chain that comes back to the row


class InstansiResource(resources.ModelResource):
    """Base of every resource imported through the admin import view.

    Subclasses set `instansi_path` (lookup from the model to Instansi), `key_field` (the import id, one
    column) and optionally `self_reference`.
    """

    instansi_path = "instansi"
    key_field = "code"
    key_columns: tuple = ()  # columns that together identify a row, when no one column does
    self_reference: SelfReference | None = None
    text_columns: tuple = ()  # columns whose cells must be formatted as Text in the spreadsheet (NIPs)

    class Meta:
        clean_model_instances = True
        skip_unchanged = False
        report_skipped = True
        skip_diff = True
        instance_loader_class = CachedInstanceLoader
        # rows are validated one by one and written in batches; a row's object is kept on its result, so that its
        # primary key (known once its batch is written) reaches the audit log
        use_bulk = True
        batch_size = BATCH_SIZE
        store_instance = True

    def __init__(self, instansi=None, user=None, progress=None, **kwargs):
        super().__init__(**kwargs)
        self.instansi = instansi
        self.user = user
        self.progress = progress
        self.deferred = []  # (instance, key, row_number, row)
        self.imported = {}  # key -> instance saved by this import
        self.validated_keys = set()
        for field in self.fields.values():
            if isinstance(field.widget, LookupWidget):
                field.widget.bind(self)

    @classmethod
    def template_rows(cls, instansi, rows):
        """The example rows of the downloadable template ({header: value}) fitted to `instansi`, so that the
        template as downloaded passes a dry run there; by default unchanged."""
        return rows

    # --- scoping ---

    def get_queryset(self):
        return self._meta.model._default_manager.filter(**{self.instansi_path: self.instansi})

    def init_instance(self, row=None):
        instance = super().init_instance(row)
        if self.instansi_path == "instansi":
            instance.instansi = self.instansi
        return instance

    # --- column names for messages ---

    def column_for(self, attribute):
        if self.self_reference and attribute == self.self_reference.attribute:
            return self.self_reference.column
        for field in self.fields.values():
            if field.attribute == attribute or f"{field.attribute}_id" == attribute:
                return field.column_name
        return attribute

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        if getattr(instance, "refused_cells", False):
            raise ValidationError(import_validation_errors)
        key = self.instance_key(instance)
        errors = dict(import_validation_errors or {})
        if key and key in self.validated_keys:
            # reported by the file's duplicate check (errors.duplicate_key_errors) on this very cell; refused here
            # too, so that the row never reaches the bulk insert (the row's other cells are still checked)
            errors[self.key_field] = [_("'%(key)s' muncul lebih dari sekali di berkas ini.") % {"key": key}]
        self.validated_keys.add(key)
        self.validate_row(instance, errors, validate_unique)

    def instance_key(self, instance):
        """The key a row is known by in messages and the duplicate check (a resource with `key_columns` joins
        them the same way as `errors.duplicate_key_errors`)."""
        return text(getattr(instance, self.key_field))

    def get_bulk_update_fields(self):
        return [
            field.attribute
            for name, field in self.fields.items()
            if field.attribute and name not in self._meta.import_id_fields
        ]

    def validate_row(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's own validation of a row whose cells could be read (subclasses add their checks)."""
        super().validate_instance(instance, import_validation_errors, validate_unique)

    def attribute_of(self, column):
        if self.self_reference and column == self.self_reference.column:
            return self.self_reference.attribute
        for field in self.fields.values():
            if field.column_name == column and field.attribute:
                return field.attribute
        return column

    # --- rows that refer to other rows ---

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.deferred = []
        self.imported = {}
        self.validated_keys = set()
        key_column = self.fields[self.key_field].column_name
        self.file_keys = {text(value) for value in dataset[key_column]} if key_column in dataset.headers else set()
        if self.self_reference:
            # key -> (pk, referenced pk) of every row of the instansi, the graph a chain check walks in memory
            rows = self.get_queryset().values_list(self.key_field, "pk", f"{self.self_reference.attribute}_id")
            self.existing_keys = {key: pk for key, pk, _ref in rows}
            self.existing_refs = {pk: ref for _key, pk, ref in rows}

    def number_typed_errors(self, row):
        return {
            column: _(
                "Kolom %(column)s berisi angka, bukan teks: Excel sudah membulatkan digit terakhirnya. "
                "Format kolom %(column)s sebagai Teks (Text), ketik ulang nilainya, lalu unggah kembali."
            )
            % {"column": column}
            for column in self.text_columns
            if number_typed(row.get(column))
        }

    def import_instance(self, instance, row, **kwargs):
        errors = self.number_typed_errors(row)
        if errors:
            # the other columns are read from what may be a wrong key: one cause, one message
            instance.refused_cells = True
            raise ValidationError({self.attribute_of(column): message for column, message in errors.items()})
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.self_reference:
            try:
                self.read_self_reference(instance, row, kwargs.get("row_number"))
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def read_self_reference(self, instance, row, row_number):
        ref = self.self_reference
        target = text(row.get(ref.column))
        own_key = text(getattr(instance, self.key_field))
        setattr(instance, ref.attribute, None)
        if not target:
            return
        if target == own_key:
            raise ValidationError({ref.attribute: _("%(label)s tidak boleh dirinya sendiri.") % {"label": ref.label}})
        if target in self.file_keys or target in self.existing_keys:
            # may be created (or changed) by a later row: resolved, and the chain checked, once all rows are saved
            self.deferred.append((instance, target, row_number, row))
        else:
            raise ValidationError(
                {
                    ref.attribute: _("%(label)s '%(value)s' tidak ditemukan di instansi ini maupun di berkas.")
                    % {"label": ref.label, "value": target}
                }
            )

    def save_instance(self, instance, is_create, row, **kwargs):
        super().save_instance(instance, is_create, row, **kwargs)
        self.imported[getattr(instance, self.key_field)] = instance

    def finish_import(self, job, result):
        """Follow-up work after a successful import, inside its transaction (e.g. group membership)."""

    def after_import_row(self, row, row_result, **kwargs):
        super().after_import_row(row, row_result, **kwargs)
        if self.progress is not None:
            self.progress(kwargs.get("row_number", 0))

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        # rows written in bulk got their primary keys only now
        for row_result in result.rows:
            if row_result.instance is not None and row_result.object_id is None:
                row_result.object_id = row_result.instance.pk
        if not self.deferred or result.has_errors() or result.has_validation_errors():
            return
        ref = self.self_reference
        targets = {}
        missing = {key for _i, key, _n, _r in self.deferred if key not in self.imported}
        if missing:
            targets = {
                getattr(obj, self.key_field): obj
                for obj in self.get_queryset().filter(**{f"{self.key_field}__in": missing})
            }
        targets.update(self.imported)
        for instance, key, _n, _r in self.deferred:
            setattr(instance, ref.attribute, targets[key])
        # the chain of every row, through the rows of the file as they now are and the instansi's other rows
        refs = dict(self.existing_refs)
        refs.update({obj.pk: getattr(obj, f"{ref.attribute}_id") for obj in self.imported.values()})
        changed = []
        for instance, _key, row_number, row in self.deferred:
            node, seen = getattr(instance, f"{ref.attribute}_id"), set()
            while node is not None and node not in seen and node != instance.pk:
                seen.add(node)
                node = refs.get(node)
            if node is not None and node == instance.pk:
                result.append_invalid_row(row_number, row, ValidationError({ref.attribute: [ref.cycle_message]}))
                continue
            changed.append(instance)
        if result.has_validation_errors():
            return
        # one UPDATE per referenced row (a supervisor and their team, a unit and its children): far cheaper than
        # bulk_update's CASE per row
        by_target = {}
        for instance in changed:
            by_target.setdefault(getattr(instance, f"{ref.attribute}_id"), []).append(instance.pk)
        manager = self._meta.model._default_manager
        for target, pks in by_target.items():
            for start in range(0, len(pks), BATCH_SIZE):
                manager.filter(pk__in=pks[start : start + BATCH_SIZE]).update(**{f"{ref.attribute}_id": target})
