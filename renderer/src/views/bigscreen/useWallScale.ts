import { computed, onBeforeUnmount, onMounted, ref } from 'vue';
import { WALL_HEIGHT, WALL_WIDTH } from './wallSettings';

/**
 * Fits the 1920×1080 design canvas into the window: one scale for both axes (no stretched
 * type), centred, with the spare band left as a dark letterbox.
 */
export function useWallScale() {
  const viewport = ref({ width: window.innerWidth, height: window.innerHeight });
  let settle = 0;

  const scale = computed(() => Math.min(viewport.value.width / WALL_WIDTH, viewport.value.height / WALL_HEIGHT));
  const style = computed(() => {
    const s = scale.value;
    const x = (viewport.value.width - WALL_WIDTH * s) / 2;
    const y = (viewport.value.height - WALL_HEIGHT * s) / 2;
    return { transform: `translate(${x}px, ${y}px) scale(${s})` };
  });
  /**
   * Canvas density for the charts: the transform stretches their pixels, so at 4K (scale 2)
   * they draw twice as many. Rounded to quarters so a window drag does not re-create charts per pixel.
   */
  const density = () => Math.max(1, Math.ceil(scale.value * window.devicePixelRatio * 4) / 4);
  const pixelRatio = ref(density());

  function measure(): void {
    viewport.value = { width: window.innerWidth, height: window.innerHeight };
  }
  // The transform follows at once; charts re-create at a new density only once the resize settles.
  function onResize(): void {
    measure();
    window.clearTimeout(settle);
    settle = window.setTimeout(() => (pixelRatio.value = density()), 300);
  }
  onMounted(() => window.addEventListener('resize', onResize));
  onBeforeUnmount(() => {
    window.removeEventListener('resize', onResize);
    window.clearTimeout(settle);
  });

  return { scale, style, pixelRatio };
}
