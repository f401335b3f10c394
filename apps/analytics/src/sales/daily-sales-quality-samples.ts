import type { ReadinessContext, ResourceSampler } from '@mesh/service';

import { addDays, todayUtc } from '../date-range/date-range';
import { DailySalesStore } from './daily-sales-store';

/** The days the sample covers: the API's default range, today and the 29 days before. */
const SAMPLED_DAYS = 30;

/**
 * The API resources the analytics quality rules name: the daily sales of the last 30 days, newest
 * day first, at most `limit` rows (one bounded query on the projection).
 */
export const dailySalesQualitySamples = {
  'daily-sales': (context: ReadinessContext): ResourceSampler => {
    const dailySales = context.get(DailySalesStore);
    return async (limit) => {
      const to = todayUtc();
      const days = await dailySales.find({ from: addDays(to, 1 - SAMPLED_DAYS), to }, undefined);
      return days.reverse().slice(0, limit);
    };
  },
};
