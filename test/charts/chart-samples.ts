import type { ChartType } from '../../src/charts/chart-types.ts';

/**
 * One representative query per chart type, used by the schema test and the visual test. Typed by
 * ChartType: a new chart type does not compile until it has a sample here, so it is looked at too.
 */
export const CHART_SAMPLES: Record<ChartType, string> = {
  ranking: 'indicator=EGDI&group=ASEAN&year=2024&highlight=VNM',
  timeseries: 'indicator=EGDI&countries=VNM,SGP,THA,LAO,MYS,BRN,PHL&from=2003',
  heatmap: 'indicators=EGDI,OSI,TII,GE.EST&group=ASEAN',
  scatter: 'x=BI.WAG.TOTL.GD.ZS&y=GE.EST&group=ASEAN%2B3&trend=true',
  slope: 'indicator=EGDI&group=ASEAN&from=2022&to=2024',
  map: 'indicator=GE.EST&group=ASEAN%2B3&year=2023',
  'small-multiples': 'indicator=BI.WAG.TOTL.GD.ZS&group=ASEAN&normalise=index:2015',
  frontier: 'inputs=BI.WAG.TOTL.GD.ZS&outputs=EGDI&group=ASEAN%2B3&latest=true&highlight=VNM',
  'productivity-change':
    'inputs=BI.WAG.TOTL.GD.ZS&outputs=GE.PER.RNK,EGDI&group=ASEAN%2B3&from=2016&to=2018&highlight=VNM',
};
