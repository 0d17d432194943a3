// How good a team suggestion is, from the solver's upper bound (decision 080):
// "places N of the M who could be placed at most", and the hours its teams share,
// with the hours LP's proof when there is one (decision 083).
export type SuggestionQualityProps = {
  quality: { placed: number; bound: number; proven: boolean; hoursPerTeam: number; hoursProven: boolean };
};

const people = (n: number) => `${n} ${n === 1 ? "participant" : "participants"}`;
const hours = (h: number) => `${Number(h.toFixed(1))} ${h === 1 ? "hour" : "hours"}`;

export function SuggestionQualityLine({ quality }: SuggestionQualityProps) {
  const { placed, bound, proven, hoursPerTeam, hoursProven } = quality;
  if (bound === 0)
    return (
      <p data-testid="suggestion-quality">
        No assignment keeping the rules can place anyone in a team. Each person left out below says why.
      </p>
    );
  return (
    <p data-testid="suggestion-quality">
      This suggestion places {placed} of the {people(bound)} who could be placed at most
      {proven || placed >= bound
        ? ": no assignment keeping the rules places more."
        : ` (${Math.floor((100 * placed) / Math.max(1, bound))}%; the most is a proven upper bound, not always reachable).`}
      {placed > 0
        ? ` Its teams share ${hours(hoursPerTeam)} a week on average${
            hoursProven ? ", the most any suggestion placing as many can share" : ""
          }.`
        : ""}{" "}
      Each person left out below says why.
    </p>
  );
}
