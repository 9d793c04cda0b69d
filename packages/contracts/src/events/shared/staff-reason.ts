/** The longest reason staff may give for a change others read about (events carry it, services check it). */
export const staffReasonMaxLength = 500;
