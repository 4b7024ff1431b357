/** One choice of a select: the value it sends and the text it shows. */
export type Choice = { value: string | number; label: string };

/** The options of a select offering fixed choices, in their order. */
export function ChoiceOptions({ choices }: { choices: readonly Choice[] }) {
  return choices.map((c) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  ));
}

/** The options of a select offering named things of the workspace (services, SLIs), valued by their id. */
export function NamedOptions({ items }: { items: readonly { id: number; name: string }[] }) {
  return items.map((item) => (
    <option key={item.id} value={item.id}>
      {item.name}
    </option>
  ));
}
