// 科研诚信记录（红黑名单）: contracts shared by the server and the web app.
export {};
