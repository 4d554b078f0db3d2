<jsp:root xmlns:jsp="http://java.sun.com/JSP/Page" version="2.0"><jsp:directive.page contentType="text/plain;charset=UTF-8"/><jsp:text>is-xml ${5 + 5}</jsp:text></jsp:root>
