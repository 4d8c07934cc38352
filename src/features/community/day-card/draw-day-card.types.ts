/** The hidden 2d canvas the weapp page renders and draw-day-card.weapp.ts draws on. */
export const DAY_CARD_CANVAS_ID = 'day-card-canvas'
