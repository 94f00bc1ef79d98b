// What a component's stylesheet import (`import './x.scss'`) gives in jest: nothing (jest.config.js maps them here).
export default {}
