import type { FormInstance } from 'element-plus';

/** Element Plus rejects an invalid form; a move dialog only needs to know whether to go on. */
export const isValid = async (form: FormInstance | undefined): Promise<boolean> => Boolean(await form?.validate().catch(() => false));

/** A note the user left blank is not sent at all. */
export const optionalNote = (text: string): { note?: string } => {
  const note = text.trim();
  return note ? { note } : {};
};
