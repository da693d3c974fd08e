import { domAnimation } from 'framer-motion';

/** framer-motion's animation features, loaded after first paint through `LazyMotion`. */
export default domAnimation;
