/** The dependency screen (built in features/dependencies). */
export function DependenciesView() {
  return <main className="panel"><h1>Dependencies</h1></main>;
}
