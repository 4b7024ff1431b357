/** The budget calculator screen (built in features/calculator). */
export function CalculatorView() {
  return <main className="panel"><h1>Budget calculator</h1></main>;
}
