// How good a team suggestion is, from the solver's upper bound (decision 080):
// "places N of the M who could be placed at most".
export type SuggestionQualityProps = { quality: { placed: number; bound: number; proven: boolean } };

const people = (n: number) => `${n} ${n === 1 ? "participant" : "participants"}`;

export function SuggestionQualityLine({ quality }: SuggestionQualityProps) {
  const { placed, bound, proven } = quality;
  return (
    <p data-testid="suggestion-quality">
      This suggestion places {placed} of the {people(bound)} who could be placed at most
      {proven || placed >= bound
        ? ": no assignment keeping the rules places more."
        : ` (${Math.floor((100 * placed) / Math.max(1, bound))}%; the most is a proven upper bound, not always reachable).`}{" "}
      Each person left out below says why.
    </p>
  );
}
