// How the page writes the API's figures: money exactly from integer minor units (never through a float), counts with
// thousands separators, instants in UTC.

const digitsCache = new Map();

/** The number of minor-unit digits of an ISO 4217 currency (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency) {
  const code = String(currency).toUpperCase();
  if (!digitsCache.has(code)) {
    let digits = 2;
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits;
    } catch (e) {
      // an unknown code: two digits, as most currencies have
    }
    digitsCache.set(code, digits);
  }
  return digitsCache.get(code);
}

function grouped(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 123456 usd: "1,234.56 USD"; exact for any integer amount. */
export function money(minor, currency) {
  if (minor === null || minor === undefined) {
    return '—';
  }
  const value = BigInt(minor);
  const negative = value < 0n;
  const text = (negative ? -value : value).toString();
  const digits = currencyDigits(currency);
  const padded = text.padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits);
  const fraction = digits > 0 ? '.' + padded.slice(padded.length - digits) : '';
  return (negative ? '-' : '') + grouped(whole) + fraction + ' ' + String(currency).toUpperCase();
}

/** The amount of a chart tick (minor units) without the currency. */
export function moneyTick(minor, currency) {
  return money(Math.round(minor), currency).replace(/ [A-Z]+$/, '');
}

export function count(n) {
  return n === null || n === undefined ? '—' : grouped(String(n));
}

/** The API's success rate, a decimal string ("0.9500"), as a percentage with two places ("95.00 %"). */
export function rate(decimal) {
  if (decimal === null || decimal === undefined) {
    return '—';
  }
  const [whole, fraction = ''] = String(decimal).split('.');
  const f = (fraction + '0000').slice(0, 4);
  const percent = String(Number(whole) * 100 + Number(f.slice(0, 2)));
  return percent + '.' + f.slice(2, 4) + ' %';
}

/** "2026-11-22T09:12:24.123Z" as "2026-11-22 09:12:24 UTC". */
export function instant(text) {
  if (!text) {
    return '—';
  }
  return String(text).replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

/** How long ago an instant was: "3 d 4 h", "5 h 12 min", "42 s". */
export function age(text, now = Date.now()) {
  const seconds = Math.max(0, Math.floor((now - Date.parse(text)) / 1000));
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return d + ' d ' + h + ' h';
  if (h > 0) return h + ' h ' + m + ' min';
  if (m > 0) return m + ' min';
  return seconds + ' s';
}

/** Today's UTC date, and the date n days before, as ISO dates. */
export function utcDate(offsetDays = 0) {
  return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
}
