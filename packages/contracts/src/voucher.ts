// 科技创新券: contracts shared by the server and the web app.
export {};
