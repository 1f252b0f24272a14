// 科技创新券: the module's public functions.
export {};
