// Distances between places, from postal code centroids: enough to rank counters for a citizen.

export interface Place {
  postalCode: string;
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in kilometres (haversine). */
export function kilometresBetween(a: Pick<Place, 'latitude' | 'longitude'>, b: Pick<Place, 'latitude' | 'longitude'>): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLatitude = radians(b.latitude - a.latitude);
  const dLongitude = radians(b.longitude - a.longitude);
  const h = Math.sin(dLatitude / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const BELGIAN_POSTAL_CODE = /^[1-9][0-9]{3}$/;

/**
 * The known place standing for a postal code: itself when known, else the numerically closest
 * one sharing its first two digits, else its first digit (Belgian codes are given by region and
 * then by town, so such neighbours lie close by); null when none shares even the first digit.
 */
export function placeOfPostalCode<P extends Place>(postalCode: string, places: readonly P[]): P | null {
  const exact = places.find((place) => place.postalCode === postalCode);
  if (exact) return exact;
  const wanted = Number(postalCode);
  for (const digits of [2, 1]) {
    const prefix = postalCode.slice(0, digits);
    const neighbours = places.filter((place) => place.postalCode.startsWith(prefix));
    if (neighbours.length > 0) {
      return neighbours.reduce((best, place) => (Math.abs(Number(place.postalCode) - wanted) < Math.abs(Number(best.postalCode) - wanted) ? place : best));
    }
  }
  return null;
}
