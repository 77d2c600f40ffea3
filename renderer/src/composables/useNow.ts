import { onScopeDispose, ref, type Ref } from 'vue';

const TICK_MS = 30_000;
const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;

/** One shared clock for every countdown on screen, ticking only while something shows one. */
export function useNow(): Readonly<Ref<number>> {
  users += 1;
  if (timer === null) {
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), TICK_MS);
  }
  onScopeDispose(() => {
    users -= 1;
    if (users === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  });
  return now;
}
