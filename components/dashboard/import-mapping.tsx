"use client";

import { useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { Field } from "@/components/ui/field";
import { DATE_ORDERS, MAPPING_FIELDS, type ColumnMapping } from "@/lib/import-mapping";
import type { ImportState, SheetColumn } from "@/lib/validation/csv-import";

const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26));
const optionText = (c: SheetColumn) => `${letter(c.index)} · ${c.name || "(no name)"}${c.samples.length ? ` — e.g. ${c.samples.join(", ")}` : ""}`;

/**
 * The "which column is which" step: one select per field, guessed or taken from the team's last import. Changing
 * any choice means the preview below no longer shows what would be imported, so `onChange` lets the form say so.
 */
export function ImportMapping({
  columns,
  mapping,
  errors = {},
  today,
  onChange,
}: {
  columns: SheetColumn[];
  mapping: ColumnMapping;
  errors?: ImportState["mappingErrors"];
  today: string;
  onChange: () => void;
}) {
  const [oneDate, setOneDate] = useState(mapping.fixedDate !== undefined);
  const value = (key: string) => {
    const i = mapping.columns[key as keyof ColumnMapping["columns"]];
    return i === undefined ? "" : String(i);
  };
  const options = (
    <>
      <option value="">— not in the file —</option>
      {columns.map((c) => (
        <option key={c.index} value={c.index}>
          {optionText(c)}
        </option>
      ))}
    </>
  );
  const err = (key: keyof NonNullable<ImportState["mappingErrors"]>) => (errors?.[key] ? [errors[key]!] : undefined);
  return (
    <fieldset className="flex min-w-0 flex-col gap-4" onChange={onChange}>
      <legend className="sr-only">Which column holds which field</legend>
      <div className="min-w-0 rounded-md border border-line p-3">
        <p className="mb-2 text-sm font-semibold">Who each row is</p>
        <p className="mb-3 text-xs text-muted">People are found by email when there is an email column; otherwise by name, which must match exactly one member.</p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 [&>*]:min-w-0">
          <SelectField label="Email" name="col.email" id="map-email" defaultValue={value("email")} errors={err("person")}>
            {options}
          </SelectField>
          <SelectField label="Name" name="col.name" id="map-name" defaultValue={value("name")} errors={err("name")}>
            {options}
          </SelectField>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 rounded-md border border-line p-3 sm:grid-cols-2 [&>*]:min-w-0">
        <SelectField
          label="Date"
          name="col.measured_on"
          id="map-measured_on"
          defaultValue={oneDate ? "fixed" : value("measured_on")}
          errors={err("measured_on")}
          onChange={(e) => setOneDate(e.currentTarget.value === "fixed")}
        >
          <option value="">— choose —</option>
          <option value="fixed">One date for every row</option>
          {columns.map((c) => (
            <option key={c.index} value={c.index}>
              {optionText(c)}
            </option>
          ))}
        </SelectField>
        {oneDate ? (
          <Field label="Date of these scores" name="fixedDate" id="map-fixed-date" type="date" max={today} defaultValue={mapping.fixedDate || today} errors={err("fixedDate")} />
        ) : (
          <SelectField label="Dates are written" name="dateOrder" id="map-date-order" defaultValue={mapping.dateOrder} hint="Guessed from the dates in the file.">
            {Object.entries(DATE_ORDERS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <div className="grid grid-cols-1 gap-3 rounded-md border border-line p-3 sm:grid-cols-2 [&>*]:min-w-0">
        {MAPPING_FIELDS.filter((f) => !["email", "name", "measured_on"].includes(f.key)).map((f) => (
          <SelectField
            key={f.key}
            label={
              <>
                {f.label}
                {f.required ? null : <span className="font-normal text-muted"> (optional)</span>}
              </>
            }
            name={`col.${f.key}`}
            id={`map-${f.key}`}
            defaultValue={value(f.key)}
            errors={err(f.key)}
          >
            {options}
          </SelectField>
        ))}
      </div>
    </fieldset>
  );
}
