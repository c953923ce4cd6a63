// Dates are shown in UTC: billing dates come from Dodo as UTC instants and a customer's renewal day
// must not move with the server's (or the browser's) zone.
export const TIME_ZONE = "UTC";
