/** One line of a chart: its label, the theme colour it is drawn in, and a value per x. */
export interface ChartSeries {
  label: string;
  /** A CSS custom property of the theme (`--success`), read when drawing. */
  color: string;
  values: number[];
  dashed?: boolean;
}
